-- Base model for manual/campaigns: every raw row, typed, with why it is rejected or superseded.
-- The operator's campaign calendar, one row per campaign, platform and phase (a recurring member day: one
-- rule row). Rows that break the contract's row rules (an end before the start, an unknown type, platform or
-- weekday, a weekday missing on a recurring row or set on another) are rejected as invalid_value.
-- Rejected rows (_reject_code) and superseded rows (_superseded_by) go to quarantine, the rest to
-- stg_manual__campaigns. Natural key: campaign_id, platform, phase; latest version wins.
-- raw is filled by the landing model: build after it
-- depends_on: {{ ref('landed_files') }}
{{ storeops.base_export('manual', 'campaigns') }}
