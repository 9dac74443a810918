-- Cases brought in from a city's earlier system, and their performance records, name the import (indicators leave those records out).
ALTER TABLE "cases" ADD COLUMN "imported_from" uuid;--> statement-breakpoint
ALTER TABLE "case_events" ADD COLUMN "imported_from" uuid;
