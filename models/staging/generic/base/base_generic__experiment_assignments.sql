-- Base model for generic/experiment_assignments: every raw row, typed, with why it is rejected or superseded.
-- Experiment assignments, one row per experiment, unit and variant; member_id is hashed at landing.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_generic__experiment_assignments. Natural key: experiment_id, variant, visitor_id, member_id; latest
-- version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('generic', 'experiment_assignments') }}
