/** The service operations (capability statement, health) are served whatever role the server plays. */
export const everyRole = ['producer', 'relay', 'receiver', 'distributor'] as const;
