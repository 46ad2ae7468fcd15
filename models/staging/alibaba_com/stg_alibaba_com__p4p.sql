-- P4P (外贸直通车) keyword report by day.
-- Good, latest rows of alibaba_com/p4p: one row per stat_date, campaign_name, keyword.
-- The data day (stat_date) is the US Pacific (America/Los_Angeles) day; money is what the back-end shows (CNY
-- for a mainland seller's P4P account).
{{ storeops.current_export_rows('alibaba_com', 'p4p') }}
