-- The three datasets' tables as the example reads them, a few rows of our own
-- each (the loaders' real tables are events and deployments).
CREATE TABLE sahel_news.gdelt_events (actiongeo_countrycode text, sqldate integer);
INSERT INTO sahel_news.gdelt_events VALUES ('ML', 20220813), ('ML', 20220815), ('NG', 20220815),
  ('UV', 20220801), ('CD', 20220802), ('', 20220803), ('NI', 20220801);
CREATE TABLE sahel_news.acled_events (iso integer, event_date date);
INSERT INTO sahel_news.acled_events VALUES (466, '2022-08-13'), (562, '2022-08-02'), (854, '2022-08-20'),
  (148, '2022-07-30'), (478, '2022-08-01');
CREATE TABLE sahel_news.ucdp_ged (country_id integer, date_start date, best integer);
INSERT INTO sahel_news.ucdp_ged VALUES (432, '2022-08-13', 4), (432, '2022-08-20', 7), (439, '2022-08-05', 12),
  (436, '2022-08-09', 3), (475, '2022-08-01', 9);
