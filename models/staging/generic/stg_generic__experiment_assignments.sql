-- Experiment assignments, one row per experiment, unit and variant.
-- Good, latest rows of generic/experiment_assignments: one row per experiment_id, variant, visitor_id and
-- member_id (a unit listed under two variants keeps both rows; the experiment models exclude it and count it).
-- member_id is SHA-256 hashed at landing (the same salt and trimming as every member key); visitor_id is the
-- own shop's user_pseudo_id, in clear as in the event export. assigned_at is naive shop time.
{{ storeops.current_export_rows('generic', 'experiment_assignments') }}
