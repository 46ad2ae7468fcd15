{#-
    GENERATED from src/storeops/contracts/*.yml by `storeops contracts --write`: do not edit.
    What the staging macros (macros/staging.sql) read from the export contracts, by
    `<platform>__<report>`. pytests/test_contracts.py fails when this file is out of date.
-#}
{% macro export_contracts() -%}
{%- set contracts -%}
alibaba_com__product_performance:
  timezone: America/Los_Angeles
  natural_key: [stat_date, product_id]
  date_column: stat_date
  columns:
      - {name: stat_date, header: '统计日期', type: date, required: true}
      - {name: product_id, header: '产品ID', type: text, required: true}
      - {name: product_name, header: '产品名称', type: text}
      - {name: product_created_at, header: '发布时间', type: date}
      - {name: exposures, header: '曝光量', type: integer, required: true}
      - {name: clicks, header: '点击量', type: integer, required: true}
      - {name: ctr, header: '点击率', type: percent}
      - {name: visitors, header: '访客数', type: integer, required: true}
      - {name: inquiries, header: '反馈数', type: integer, required: true}
      - {name: star_rating, header: '产品星级', type: decimal}
      - {name: image_count, header: '图片数', type: integer}
alibaba_com__p4p:
  timezone: America/Los_Angeles
  natural_key: [stat_date, campaign_name, keyword]
  date_column: stat_date
  columns:
      - {name: stat_date, header: '日期', type: date, required: true}
      - {name: campaign_name, header: '推广计划', type: text, required: true}
      - {name: keyword, header: '关键词', type: text, required: true}
      - {name: impressions, header: '曝光量', type: integer, required: true}
      - {name: clicks, header: '点击量', type: integer, required: true}
      - {name: ctr, header: '点击率', type: percent}
      - {name: spend, header: '花费', type: money, required: true}
      - {name: cpc, header: '平均点击花费', type: money}
generic__orders:
  timezone: local
  natural_key: [order_id]
  date_column: ordered_at
  columns:
      - {name: order_id, header: 'order_id', type: text, required: true}
      - {name: customer_id, header: 'customer_id', type: text, required: true}
      - {name: ordered_at, header: 'ordered_at', type: timestamp, required: true}
      - {name: amount, header: 'amount', type: decimal, required: true, amount: true}
      - {name: status, header: 'status', type: text}
      - {name: paid_at, header: 'paid_at', type: timestamp}
      - {name: refund_amount, header: 'refund_amount', type: decimal, amount: true}
      - {name: channel, header: 'channel', type: text}
      - {name: product_id, header: 'product_id', type: text}
      - {name: quantity, header: 'quantity', type: integer}
      - {name: currency, header: 'currency', type: text}
      - {name: store_id, header: 'store_id', type: text}
      - {name: shipped_at, header: 'shipped_at', type: timestamp}
      - {name: carrier, header: 'carrier', type: text}
generic__order_items:
  timezone: local
  natural_key: [order_id, line_id, sku_id]
  date_column: ordered_at
  columns:
      - {name: order_id, header: 'order_id', type: text, required: true}
      - {name: line_id, header: 'line_id', type: text}
      - {name: sku_id, header: 'sku_id', type: text, required: true}
      - {name: product_id, header: 'product_id', type: text}
      - {name: title, header: 'title', type: text}
      - {name: quantity, header: 'quantity', type: integer, required: true}
      - {name: unit_price, header: 'unit_price', type: decimal, required: true, amount: true}
      - {name: status, header: 'status', type: text}
      - {name: refund_status, header: 'refund_status', type: text}
      - {name: refund_amount, header: 'refund_amount', type: decimal, amount: true}
      - {name: ordered_at, header: 'ordered_at', type: timestamp}
generic__experiment_assignments:
  timezone: local
  natural_key: [experiment_id, variant, visitor_id, member_id]
  date_column: assigned_at
  columns:
      - {name: experiment_id, header: 'experiment_id', type: text, required: true}
      - {name: visitor_id, header: 'visitor_id', type: text}
      - {name: member_id, header: 'member_id', type: text}
      - {name: variant, header: 'variant', type: text, required: true}
      - {name: assigned_at, header: 'assigned_at', type: timestamp, required: true}
generic__service_tickets:
  timezone: local
  natural_key: [ticket_id]
  date_column: created_at
  columns:
      - {name: ticket_id, header: 'ticket_id', type: text, required: true}
      - {name: order_id, header: 'order_id', type: text}
      - {name: customer_id, header: 'customer_id', type: text}
      - {name: created_at, header: 'created_at', type: timestamp, required: true}
      - {name: category, header: 'category', type: text, required: true}
      - {name: sub_category, header: 'sub_category', type: text}
      - {name: status, header: 'status', type: text}
      - {name: resolved_at, header: 'resolved_at', type: timestamp}
      - {name: satisfaction, header: 'satisfaction', type: text}
  rules:
      - {check: not_before, column: resolved_at, other: created_at}
generic__inventory:
  timezone: local
  natural_key: [snapshot_date, sku_id, warehouse]
  date_column: snapshot_date
  columns:
      - {name: snapshot_date, header: 'snapshot_date', type: date, required: true}
      - {name: sku_id, header: 'sku_id', type: text, required: true}
      - {name: warehouse, header: 'warehouse', type: text}
      - {name: product_id, header: 'product_id', type: text}
      - {name: on_hand, header: 'on_hand', type: integer}
      - {name: sellable, header: 'sellable', type: integer, required: true}
      - {name: locked, header: 'locked', type: integer}
      - {name: in_transit, header: 'in_transit', type: integer}
generic__purchase_receipts:
  timezone: local
  natural_key: [po_id, sku_id, received_at]
  date_column: received_at
  columns:
      - {name: po_id, header: 'po_id', type: text, required: true}
      - {name: sku_id, header: 'sku_id', type: text, required: true}
      - {name: warehouse, header: 'warehouse', type: text}
      - {name: supplier, header: 'supplier', type: text}
      - {name: ordered_at, header: 'ordered_at', type: timestamp, required: true}
      - {name: received_at, header: 'received_at', type: timestamp, required: true}
      - {name: quantity, header: 'quantity', type: integer, required: true}
  rules:
      - {check: not_before, column: received_at, other: ordered_at}
made_in_china__product_performance:
  timezone: Asia/Shanghai
  natural_key: [stat_date, product_id]
  date_column: stat_date
  columns:
      - {name: stat_date, header: '统计日期', type: date, required: true}
      - {name: product_id, header: '产品ID', type: text, required: true}
      - {name: product_name, header: '产品名称', type: text}
      - {name: product_created_at, header: '发布时间', type: date}
      - {name: exposures, header: '曝光量', type: integer, required: true}
      - {name: clicks, header: '点击量', type: integer, required: true}
      - {name: ctr, header: '点击率', type: percent}
      - {name: visitors, header: '访客数', type: integer}
      - {name: page_views, header: '访问量', type: integer}
      - {name: inquiries, header: '询盘数', type: integer, required: true}
made_in_china__product_list:
  timezone: Asia/Shanghai
  natural_key: [product_id, updated_at]
  date_column: updated_at
  columns:
      - {name: product_id, header: '产品ID', type: text, required: true}
      - {name: product_name, header: '产品名称', type: text}
      - {name: created_at, header: '发布时间', type: timestamp, required: true}
      - {name: updated_at, header: '更新时间', type: timestamp, required: true}
      - {name: star_rating, header: '产品星级', type: decimal}
      - {name: quality_score, header: '质量分', type: decimal}
      - {name: image_count, header: '图片数', type: integer}
      - {name: attribute_count, header: '自定义属性数', type: integer}
      - {name: status, header: '产品状态', type: text}
  rules:
      - {check: not_before, column: updated_at, other: created_at}
manual__campaigns:
  timezone: Asia/Shanghai
  natural_key: [campaign_id, platform, phase]
  date_column: start_date
  columns:
      - {name: campaign_id, header: 'campaign_id', type: text, required: true}
      - {name: campaign_name, header: 'campaign_name', type: text, required: true}
      - {name: campaign_type, header: 'campaign_type', type: text, required: true}
      - {name: platform, header: 'platform', type: text, required: true}
      - {name: phase, header: 'phase', type: text, required: true}
      - {name: start_date, header: 'start_date', type: date, required: true, planned: true}
      - {name: end_date, header: 'end_date', type: date, required: true, planned: true}
      - {name: recurring_weekday, header: 'weekday', type: text, required: true, nullable: true}
      - {name: budget, header: 'budget', type: money}
      - {name: mechanics, header: 'mechanics', type: text}
  rules:
      - {check: not_before, column: end_date, other: start_date}
      - {check: one_of, column: campaign_type, values: ['platform_festival', 'member_day', 'theme_week', 'presale', 'other', '平台大促', '会员日', '主题周', '预售', '其他']}
      - {check: one_of, column: platform, values: ['all', 'tmall', 'alibaba_com', 'made_in_china', 'site', 'generic', '全部']}
      - {check: one_of, column: recurring_weekday, values: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', '1', '2', '3', '4', '5', '6', '7', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日']}
      - {check: required_when, column: recurring_weekday, when: campaign_type, values: ['member_day', '会员日']}
      - {check: empty_unless, column: recurring_weekday, when: campaign_type, values: ['member_day', '会员日']}
manual__experiments:
  timezone: Asia/Shanghai
  natural_key: [experiment_id]
  date_column: start_date
  columns:
      - {name: experiment_id, header: '实验编号', type: text, required: true}
      - {name: experiment_name, header: '实验名称', type: text, required: true}
      - {name: unit, header: '实验单位', type: text, required: true}
      - {name: control_variant, header: '对照组', type: text, required: true}
      - {name: start_date, header: '开始日期', type: date, required: true}
      - {name: end_date, header: '结束日期', type: date, required: true}
      - {name: primary_metric, header: '主要指标', type: text, required: true}
      - {name: window_days, header: '观察窗口天数', type: integer, required: true}
      - {name: planned_split, header: '计划分流', type: text}
      - {name: member_platform, header: '会员平台', type: text}
      - {name: min_detectable_uplift, header: '最小可检测提升', type: percent}
      - {name: notes, header: '备注', type: text}
site__events:
  timezone: Asia/Shanghai
  natural_key: [event_id]
  date_column: event_date
  columns:
      - {name: event_id, header: 'event_id', type: text, required: true}
      - {name: event_date, header: 'event_date', type: date, required: true}
      - {name: event_timestamp, header: 'event_timestamp', type: epoch_us, required: true}
      - {name: event_name, header: 'event_name', type: text, required: true}
      - {name: user_pseudo_id, header: 'user_pseudo_id', type: text, required: true}
      - {name: ga_session_id, header: 'ga_session_id', type: text}
      - {name: page_location, header: 'page_location', type: text}
      - {name: first_source, header: 'traffic_source.source', type: text}
      - {name: first_medium, header: 'traffic_source.medium', type: text}
      - {name: first_campaign, header: 'traffic_source.name', type: text}
      - {name: source, header: 'collected_traffic_source.manual_source', type: text}
      - {name: medium, header: 'collected_traffic_source.manual_medium', type: text}
      - {name: campaign, header: 'collected_traffic_source.manual_campaign_name', type: text}
      - {name: device_category, header: 'device.category', type: text}
      - {name: item_id, header: 'items.item_id', type: text}
      - {name: item_name, header: 'items.item_name', type: text}
      - {name: item_price, header: 'items.price', type: decimal, amount: true}
      - {name: item_quantity, header: 'items.quantity', type: integer}
      - {name: experiment_variant, header: 'experiment_variant', type: text}
      - {name: transaction_id, header: 'ecommerce.transaction_id', type: text}
      - {name: purchase_revenue, header: 'ecommerce.purchase_revenue', type: decimal, amount: true}
site__orders:
  timezone: Asia/Shanghai
  natural_key: [order_id]
  date_column: created_at
  columns:
      - {name: order_id, header: 'order_id', type: text, required: true}
      - {name: customer_id, header: 'customer_id', type: text, required: true}
      - {name: email, header: 'email', type: text}
      - {name: phone, header: 'phone', type: text}
      - {name: created_at, header: 'created_at', type: timestamp, required: true}
      - {name: paid_at, header: 'paid_at', type: timestamp}
      - {name: status, header: 'status', type: text, required: true}
      - {name: total_amount, header: 'total_amount', type: decimal, required: true, amount: true}
      - {name: discount_amount, header: 'discount_amount', type: decimal, amount: true}
      - {name: shipping_amount, header: 'shipping_amount', type: decimal, amount: true}
      - {name: refund_amount, header: 'refund_amount', type: decimal, amount: true}
      - {name: currency, header: 'currency', type: text}
      - {name: item_count, header: 'item_count', type: integer}
      - {name: coupon_code, header: 'coupon_code', type: text}
      - {name: shipped_at, header: 'shipped_at', type: timestamp}
      - {name: user_pseudo_id, header: 'user_pseudo_id', type: text}
      - {name: carrier, header: 'carrier', type: text}
tmall__orders:
  timezone: Asia/Shanghai
  natural_key: [order_id]
  date_column: created_at
  columns:
      - {name: order_id, header: '订单编号', type: text, required: true}
      - {name: buyer_nick, header: '买家会员名', type: text}
      - {name: buyer_alipay_account, header: '买家支付宝账号', type: text}
      - {name: payment_id, header: '支付单号', type: text}
      - {name: goods_amount, header: '买家应付货款', type: money}
      - {name: postage, header: '买家应付邮费', type: money}
      - {name: total_amount, header: '总金额', type: money, required: true}
      - {name: paid_amount, header: '买家实际支付金额', type: money, required: true}
      - {name: order_status, header: '订单状态', type: text}
      - {name: buyer_message, header: '买家留言', type: text}
      - {name: receiver_name, header: '收货人姓名', type: text}
      - {name: receiver_address, header: '收货地址', type: text}
      - {name: shipping_method, header: '运送方式', type: text}
      - {name: contact_phone, header: '联系电话', type: text}
      - {name: contact_mobile, header: '联系手机', type: text}
      - {name: created_at, header: '订单创建时间', type: timestamp, required: true}
      - {name: paid_at, header: '订单付款时间', type: timestamp, required: true, nullable: true}
      - {name: product_title, header: '宝贝标题', type: text}
      - {name: product_kinds, header: '宝贝种类', type: integer}
      - {name: tracking_number, header: '物流单号', type: text}
      - {name: carrier, header: '物流公司', type: text}
      - {name: order_note, header: '订单备注', type: text}
      - {name: quantity, header: '宝贝总数量', type: integer}
      - {name: store_id, header: '店铺Id', type: text}
      - {name: store_name, header: '店铺名称', type: text}
      - {name: close_reason, header: '订单关闭原因', type: text}
      - {name: is_mobile_order, header: '是否手机订单', type: text}
      - {name: refund_amount, header: '退款金额', type: money}
      - {name: confirmed_at, header: '确认收货时间', type: timestamp}
      - {name: shipped_at, header: '发货时间', type: timestamp}
      - {name: seller_note, header: '商家备注', type: text}
      - {name: presale_stages, header: '分阶段订单信息', type: text}
      - {name: deposit_rank, header: '定金排名', type: text}
      - {name: deposit_amount, header: '定金金额', type: money}
      - {name: deposit_paid_at, header: '定金付款时间', type: timestamp}
      - {name: balance_paid_at, header: '尾款付款时间', type: timestamp}
tmall__refunds:
  timezone: Asia/Shanghai
  natural_key: [refund_id]
  date_column: requested_at
  columns:
      - {name: refund_id, header: '退款编号', type: text, required: true}
      - {name: order_id, header: '订单编号', type: text, required: true}
      - {name: buyer_nick, header: '买家会员名', type: text}
      - {name: product_title, header: '宝贝标题', type: text}
      - {name: paid_amount, header: '买家实际支付金额', type: money}
      - {name: refund_amount, header: '买家退款金额', type: money, required: true}
      - {name: requested_at, header: '退款的申请时间', type: timestamp, required: true}
      - {name: completed_at, header: '退款完结时间', type: timestamp}
      - {name: refund_status, header: '退款状态', type: text, required: true}
      - {name: refund_reason, header: '退款原因', type: text}
      - {name: needs_return, header: '是否需要退货', type: text}
tmall__order_items:
  timezone: Asia/Shanghai
  natural_key: [order_id, sub_order_id, product_title, sku_properties]
  date_column: created_at
  columns:
      - {name: order_id, header: '订单编号', type: text, required: true}
      - {name: sub_order_id, header: '子订单编号', type: text}
      - {name: product_title, header: '标题', type: text, required: true}
      - {name: price, header: '价格', type: money, required: true}
      - {name: quantity, header: '购买数量', type: integer, required: true}
      - {name: external_system_id, header: '外部系统编号', type: text}
      - {name: sku_properties, header: '商品属性', type: text}
      - {name: package_info, header: '套餐信息', type: text}
      - {name: note, header: '备注', type: text}
      - {name: order_status, header: '订单状态', type: text}
      - {name: merchant_code, header: '商家编码', type: text}
      - {name: product_id, header: '商品ID', type: text}
      - {name: paid_amount, header: '买家实付金额', type: money}
      - {name: refund_status, header: '退款状态', type: text}
      - {name: refund_amount, header: '退款金额', type: money}
      - {name: shipped_at, header: '发货时间', type: timestamp}
      - {name: created_at, header: '订单创建时间', type: timestamp}
tmall__sycm_product_traffic:
  timezone: Asia/Shanghai
  natural_key: [stat_date, product_id]
  date_column: stat_date
  columns:
      - {name: stat_date, header: '统计日期', type: date, required: true}
      - {name: product_id, header: '商品ID', type: text, required: true}
      - {name: product_name, header: '商品名称', type: text}
      - {name: main_product_id, header: '主商品ID', type: text}
      - {name: product_type, header: '商品类型', type: text}
      - {name: item_number, header: '货号', type: text}
      - {name: product_status, header: '商品状态', type: text}
      - {name: product_created_at, header: '商品发布时间', type: date}
      - {name: product_visitors, header: '商品访客数', type: integer, required: true}
      - {name: product_page_views, header: '商品浏览量', type: integer}
      - {name: avg_stay_seconds, header: '平均停留时长', type: decimal}
      - {name: detail_bounce_rate, header: '商品详情页跳出率', type: percent}
      - {name: favoriters, header: '商品收藏人数', type: integer}
      - {name: cart_quantity, header: '商品加购件数', type: integer}
      - {name: cart_adders, header: '商品加购人数', type: integer}
      - {name: ordering_buyers, header: '下单买家数', type: integer}
      - {name: ordered_quantity, header: '下单件数', type: integer}
      - {name: ordered_amount, header: '下单金额', type: money}
      - {name: order_conversion_rate, header: '下单转化率', type: percent}
      - {name: paying_buyers, header: '支付买家数', type: integer, required: true}
      - {name: paid_quantity, header: '支付件数', type: integer}
      - {name: paid_amount, header: '支付金额', type: money, required: true}
      - {name: payment_conversion_rate, header: '商品支付转化率', type: percent}
      - {name: new_paying_buyers, header: '支付新买家数', type: integer}
      - {name: returning_paying_buyers, header: '支付老买家数', type: integer}
      - {name: returning_buyer_amount, header: '老买家支付金额', type: money}
      - {name: refunded_amount, header: '成功退款金额', type: money}
      - {name: search_visitors, header: '搜索引导访客数', type: integer}
      - {name: search_paying_buyers, header: '搜索引导支付买家数', type: integer}
tmall__sycm_traffic_sources:
  timezone: Asia/Shanghai
  natural_key: [stat_date, traffic_source, source_detail]
  date_column: stat_date
  columns:
      - {name: stat_date, header: '统计日期', type: date, required: true}
      - {name: traffic_source, header: '流量来源', type: text, required: true}
      - {name: source_detail, header: '来源明细', type: text}
      - {name: visitors, header: '访客数', type: integer, required: true}
      - {name: page_views, header: '浏览量', type: integer}
      - {name: cart_adders, header: '加购人数', type: integer}
      - {name: ordering_buyers, header: '下单买家数', type: integer}
      - {name: paying_buyers, header: '支付买家数', type: integer}
      - {name: paid_amount, header: '支付金额', type: money}
      - {name: payment_conversion_rate, header: '支付转化率', type: percent}
tmall__sycm_shop_daily:
  timezone: Asia/Shanghai
  natural_key: [stat_date]
  date_column: stat_date
  columns:
      - {name: stat_date, header: '统计日期', type: date, required: true}
      - {name: visitors, header: '访客数', type: integer, required: true}
      - {name: page_views, header: '浏览量', type: integer}
      - {name: product_viewers, header: '商品访客数', type: integer}
      - {name: cart_adders, header: '加购人数', type: integer}
      - {name: ordering_buyers, header: '下单买家数', type: integer}
      - {name: paying_buyers, header: '支付买家数', type: integer, required: true}
      - {name: paid_orders, header: '支付子订单数', type: integer}
      - {name: paid_amount, header: '支付金额', type: money, required: true}
      - {name: payment_conversion_rate, header: '支付转化率', type: percent}
      - {name: average_order_value, header: '客单价', type: money}
      - {name: refunded_amount, header: '成功退款金额', type: money}
tmall__zhitongche:
  timezone: Asia/Shanghai
  natural_key: [stat_date, campaign_name, unit_name]
  date_column: stat_date
  columns:
      - {name: stat_date, header: '日期', type: date, required: true}
      - {name: campaign_name, header: '推广计划', type: text, required: true}
      - {name: unit_name, header: '宝贝名称', type: text}
      - {name: impressions, header: '展现量', type: integer, required: true}
      - {name: clicks, header: '点击量', type: integer, required: true}
      - {name: ctr, header: '点击率', type: percent}
      - {name: spend, header: '花费', type: money, required: true}
      - {name: cpc, header: '平均点击花费', type: money}
      - {name: cpm, header: '千次展现花费', type: money}
      - {name: direct_gmv, header: '直接成交金额', type: money}
      - {name: direct_orders, header: '直接成交笔数', type: integer}
      - {name: indirect_gmv, header: '间接成交金额', type: money}
      - {name: indirect_orders, header: '间接成交笔数', type: integer}
      - {name: total_gmv, header: '总成交金额', type: money}
      - {name: total_orders, header: '总成交笔数', type: integer}
      - {name: roas, header: '投入产出比', type: decimal}
      - {name: click_conversion_rate, header: '点击转化率', type: percent}
      - {name: favorites, header: '总收藏数', type: integer}
      - {name: carts, header: '总购物车数', type: integer}
tmall__members:
  timezone: Asia/Shanghai
  natural_key: [buyer_nick]
  date_column: joined_at
  columns:
      - {name: buyer_nick, header: '会员名', type: text, required: true}
      - {name: mobile, header: '手机号', type: text}
      - {name: member_level, header: '会员等级', type: text}
      - {name: joined_at, header: '入会时间', type: timestamp, required: true}
      - {name: points, header: '积分', type: integer}
      - {name: lifetime_orders, header: '累计购买次数', type: integer}
      - {name: lifetime_amount, header: '累计消费金额', type: money}
      - {name: last_purchase_at, header: '最近购买时间', type: timestamp}
      - {name: province, header: '省份', type: text}
      - {name: join_channel, header: '入会渠道', type: text}
tmall__service_tickets:
  timezone: Asia/Shanghai
  natural_key: [ticket_id]
  date_column: created_at
  columns:
      - {name: ticket_id, header: '工单编号', type: text, required: true}
      - {name: order_id, header: '订单编号', type: text}
      - {name: buyer_nick, header: '买家会员名', type: text}
      - {name: created_at, header: '创建时间', type: timestamp, required: true}
      - {name: category, header: '问题分类', type: text, required: true}
      - {name: sub_category, header: '问题子类', type: text}
      - {name: status, header: '工单状态', type: text}
      - {name: resolved_at, header: '完结时间', type: timestamp}
      - {name: satisfaction, header: '满意度', type: text}
      - {name: agent, header: '处理客服', type: text}
  rules:
      - {check: not_before, column: resolved_at, other: created_at}
tmall__inventory:
  timezone: Asia/Shanghai
  natural_key: [snapshot_date, merchant_code, warehouse]
  date_column: snapshot_date
  columns:
      - {name: snapshot_date, header: '日期', type: date, required: true}
      - {name: merchant_code, header: '商家编码', type: text, required: true}
      - {name: warehouse, header: '仓库名称', type: text}
      - {name: product_title, header: '商品名称', type: text}
      - {name: product_id, header: '商品ID', type: text}
      - {name: sku_properties, header: '商品属性', type: text}
      - {name: on_hand, header: '实物库存', type: integer}
      - {name: sellable, header: '可售库存', type: integer, required: true}
      - {name: locked, header: '锁定库存', type: integer}
      - {name: in_transit, header: '在途库存', type: integer}
{%- endset -%}
{{ return(fromyaml(contracts)) }}
{%- endmacro %}

{#- Hours to add to UTC for each platform's shop time: its contract `timezone`, where that zone keeps
    one offset all year (a zone with daylight saving, or `local`, has none). -#}
{% macro shop_utc_offset_hours() -%}
{{ return({'made_in_china': 8, 'manual': 8, 'site': 8, 'tmall': 8}) }}
{%- endmacro %}
