-- Selvedge workspace schema, level 31: imports index their rows in bulk.
--
-- The full-text triggers of material and cost_rate skip a row while the
-- connection's slv_fts_deferred() says 1: an import writing a chunk, which
-- then indexes the chunk's rows with one INSERT … SELECT in the same
-- transaction (slv-store-fts.c). The store registers slv_fts_deferred() on
-- every connection it opens; it says 0 unless an import asks otherwise, so
-- every other write is indexed by the triggers as before.

DROP TRIGGER material_fts_ai;
CREATE TRIGGER material_fts_ai AFTER INSERT ON material WHEN NOT slv_fts_deferred () BEGIN
  INSERT INTO material_fts (rowid, row_id, code, name, composition, construction, kind, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.code, NEW.name, NEW.composition, NEW.construction, NEW.kind,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;
DROP TRIGGER material_fts_au;
CREATE TRIGGER material_fts_au AFTER UPDATE OF code, name, composition, construction, kind, supplier_id ON material
WHEN NOT slv_fts_deferred () BEGIN
  DELETE FROM material_fts WHERE rowid = OLD.rowid;
  INSERT INTO material_fts (rowid, row_id, code, name, composition, construction, kind, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.code, NEW.name, NEW.composition, NEW.construction, NEW.kind,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;

DROP TRIGGER cost_rate_fts_ai;
CREATE TRIGGER cost_rate_fts_ai AFTER INSERT ON cost_rate WHEN NOT slv_fts_deferred () BEGIN
  INSERT INTO cost_rate_fts (rowid, row_id, process, key, description, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.process, NEW.key, NEW.description,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;
DROP TRIGGER cost_rate_fts_au;
CREATE TRIGGER cost_rate_fts_au AFTER UPDATE OF process, key, description, supplier_id ON cost_rate
WHEN NOT slv_fts_deferred () BEGIN
  DELETE FROM cost_rate_fts WHERE rowid = OLD.rowid;
  INSERT INTO cost_rate_fts (rowid, row_id, process, key, description, supplier)
  VALUES (NEW.rowid, NEW.id, NEW.process, NEW.key, NEW.description,
          (SELECT name FROM supplier WHERE id = NEW.supplier_id));
END;
