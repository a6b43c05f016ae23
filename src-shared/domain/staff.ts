export const staffRoles = ['owner', 'professional', 'reception'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A professional or collaborator of the centre. */
export interface StaffMember {
  id: string;
  name: string;
  /** #rrggbb: their entries on the agenda. */
  colour: string;
  role: StaffRole;
  active: boolean;
}

/** Who is working at this desk ("my calendar"); null until someone is chosen. */
export interface DeskState {
  staffId: string | null;
}
