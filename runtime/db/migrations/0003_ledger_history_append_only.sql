-- Every money change is evidence: the ledger history never changes once written.
CREATE TRIGGER ledger_history_append_only BEFORE UPDATE OR DELETE ON ledger_history
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
