export interface Tag {
  id: string;
  name: string;
  /** #rrggbb */
  colour: string;
}

export interface TagWithCount extends Tag {
  clientCount: number;
}
