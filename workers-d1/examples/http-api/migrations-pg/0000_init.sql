CREATE TABLE "mw_authors" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "mw_authors_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "mw_books" (
	"id" serial PRIMARY KEY NOT NULL,
	"author_id" integer NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mw_books" ADD CONSTRAINT "mw_books_author_id_mw_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."mw_authors"("id") ON DELETE no action ON UPDATE no action;