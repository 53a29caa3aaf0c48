// Published TEST keys for the signature vectors: their private halves are public, so they prove nothing
// outside the vectors. Never put one in a trust list.
export const TEST_PRIVATE_KEYS = {
  'dfe-anchor': {
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'yN3G9Ekj9OrMsO0_Rhh4GOd8wvEIBGyzZdADSDmZ1-M',
    d: 'la85VgMWixP4jr2gT6vgFsGz8n_Nvcn8m_dr2eD8Iso',
  },
  'dfe-other': {
    kty: 'OKP',
    crv: 'Ed25519',
    x: 's6GckdkvuIE8KPJHp5TrILPAuIv8gJbWQwAwWxQ63bs',
    d: 'ZXx7Rhy-DhTQMjwOQ-O_aTA-deCPljMhXxWomNBZHWQ',
  },
  'mis-2025': {
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'kNtf2dhZtRBzWiEerIEPaZ68Km0Ncay1ILuo_nmxDTE',
    d: 'tpi-l1QnE9RPWa2a8SExkfIL4JqZg2X0OvqLUI0UwXc',
  },
  'mis-2026': {
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'x-yTRqDb9FV5Tq5RzVSPfc_XLR1wmaQENIiihO3KUDU',
    d: 'S3eBjwmdkk6RPF1nlotICQrzVmJ2hWO1kxz4p-6lgPg',
  },
  'mis-revoked': {
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'xnEL7mZeGB9y6BqmXeo8NCEQzu6jQ5ljjPg2F3uOjn4',
    d: 'jaGCs7Z7W9JO12xMbSxIkL5hTO2qPrryNbOCuct0vtk',
  },
  'wonde-1': {
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'rGU9n449iC35GSmQI7hX_2q1xlgeSfGd1iWbrJpwHEI',
    d: 'A-TcpocVhkDVcEZiXXYFE0LdRUnOr6oExxkxpJLbrLc',
  },
  'groupcall-1': {
    kty: 'OKP',
    crv: 'Ed25519',
    x: 'gyCF6NoKTjHG8gy6VqddUXW1fHjNvswAfGkYbnCBSaw',
    d: 'k7p_ZZp29pNIgHy1GKB4rlAeG2eD_J1gz1qRFiK11nM',
  },
} as const;

export type TestKeyName = keyof typeof TEST_PRIVATE_KEYS;
