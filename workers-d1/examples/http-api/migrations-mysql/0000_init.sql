CREATE TABLE `mw_authors` (
	`id` int AUTO_INCREMENT NOT NULL,
	`name` varchar(100) NOT NULL,
	CONSTRAINT `mw_authors_id` PRIMARY KEY(`id`),
	CONSTRAINT `mw_authors_name_unique` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `mw_books` (
	`id` int AUTO_INCREMENT NOT NULL,
	`author_id` int NOT NULL,
	`title` text NOT NULL,
	CONSTRAINT `mw_books_id` PRIMARY KEY(`id`)
);
