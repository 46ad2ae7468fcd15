-- The seed service_levels has exactly one default row (every SKU without its own service level takes it).
select count(*) as default_rows
from {{ ref('service_levels') }}
where is_default
having count(*) <> 1
