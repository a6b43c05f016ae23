export interface TagsTable {
  id: string;
  name: string;
  /** Folded name: two tags may not differ only by case or accents. */
  name_key: string;
  colour: string;
  created_at: string;
  updated_at: string;
}

export interface ClientTagsTable {
  client_id: string;
  tag_id: string;
  created_at: string;
  updated_at: string;
}
