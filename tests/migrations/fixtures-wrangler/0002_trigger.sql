CREATE TRIGGER users_audit AFTER INSERT ON users
BEGIN
  INSERT INTO audit (note) VALUES (
    CASE WHEN new.role = "admin" THEN 'admin ' || new.name ELSE 'user ' || new.name END
  );
  UPDATE users SET name = name || ';' WHERE id = new.id AND role = "admin";
END;
INSERT INTO users (id, name, role) VALUES (3, 'cy', 'admin');
