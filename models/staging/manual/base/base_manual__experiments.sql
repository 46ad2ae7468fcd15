-- Base model for manual/experiments: every raw row, typed, with why it is rejected or superseded.
-- Experiment plans (实验计划), one row per experiment, typed by the operator.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_manual__experiments. Natural key: experiment_id; latest version wins (highest _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('manual', 'experiments') }}
