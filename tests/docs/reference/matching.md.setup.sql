-- One incident as three datasets code it, in our own rows: the convoy ambush
-- of the worked example below (ACLED 1754SSD, GTD 201501250027, UCDP GED
-- 176089), with the coordinates, radii, dates and deaths the table gives.
INSERT INTO sahel_news.events (occurred, location, location_precision_m, dataset_category, fatalities,
                               dataset, external_id)
VALUES ('2015-01-25', sahel_news.geopoint(8.462, 25.681), 25000, 'Battle-No change of territory', '13', 'acled', '1754SSD'),
       ('2015-01-25', sahel_news.geopoint(8.470, 25.680), 2000, '2', '11', 'gtd', '201501250027'),
       ('2015-01-26', sahel_news.geopoint(8.467, 25.683), 25000, '1', '0..0..13', 'ucdp_ged', '176089');
