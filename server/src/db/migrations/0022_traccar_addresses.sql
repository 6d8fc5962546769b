-- Traccar forwarding and reverse-geocoded addresses (issue 16).

-- A device forwarded by a Traccar server is known by Traccar's uniqueId; its vendor names the Traccar integration
-- (a row of vendors, whose sealed secret is that integration's bearer token).
alter table devices drop constraint devices_protocol_check;
alter table devices add constraint devices_protocol_check
  check (protocol in ('dc09', 'osmand', 'webhook', 'traccar'));

-- The address found near a position, added after the alarm is stored (never before: an alarm does not wait for
-- a geocoder). Sealed like the position it describes: JSON {text, distanceMetres, source}. Null while none is
-- known, and when the geocoder found none: no address is ever guessed.
alter table alarms add column address_sealed text;
alter table alarm_positions add column address_sealed text;
