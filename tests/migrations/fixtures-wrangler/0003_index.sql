CREATE INDEX users_admins ON users (name) WHERE role = "admin";
UPDATE users SET role = "owner" WHERE id = 1;
