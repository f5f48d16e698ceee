-- The SHS product type (a UUID) that SHS clients name a product by: the receive service maps a label's product to
-- the Kurir product through it, and the delivery service writes it back into the labels it serves.
ALTER TABLE products ADD COLUMN shs_product VARCHAR(36);
CREATE UNIQUE INDEX products_shs_product ON products (shs_product);
