export const staffRoles = ['owner', 'manager', 'reception', 'professional'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A professional or collaborator of the centre. */
export interface StaffMember {
  id: string;
  name: string;
  /** #rrggbb: their entries on the agenda. */
  colour: string;
  role: StaffRole;
  active: boolean;
  /** Whether they have a PIN to sign in with (the hash never leaves main). */
  hasPin: boolean;
}

/** Someone the sign-in screen offers. */
export interface TeamMemberAtSignIn {
  id: string;
  name: string;
  colour: string;
  role: StaffRole;
  hasPin: boolean;
  /** Until when five wrong PINs lock them out on this desk (ISO UTC), or null. */
  lockedOutUntil: string | null;
}

/** Who is working at this window, page or command ("my calendar"). */
export interface SignInState {
  /** Once any active staff member has a PIN, the desk asks who is working; before, everyone is the owner. */
  pinsOn: boolean;
  /** The signed-in person (or, with PINs off, the one chosen as "my calendar"); null: nobody. */
  staffId: string | null;
  role: StaffRole | null;
  /** Signed in but locked (idle, or locked by hand): a PIN is needed to go on. */
  locked: boolean;
  /** Minutes without use before the desk locks; 0: never. */
  lockAfterMinutes: number;
  team: TeamMemberAtSignIn[];
}
