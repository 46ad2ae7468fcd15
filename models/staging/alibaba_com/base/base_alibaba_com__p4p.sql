-- Base model for alibaba_com/p4p: every raw row, typed, with why it is rejected or superseded.
-- P4P (外贸直通车) keyword report by day.
-- The data day (stat_date) is the US Pacific (America/Los_Angeles) day; money is what the back-end shows (CNY
-- for a mainland seller's P4P account).
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_alibaba_com__p4p. Natural key: stat_date, campaign_name, keyword; latest version wins (highest
-- _file_seq, then _row_number).
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('alibaba_com', 'p4p') }}
