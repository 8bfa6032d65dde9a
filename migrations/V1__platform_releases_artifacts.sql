-- Tracegate schema, part 1: users, models, releases with their optimization recipe, blobs, artifacts.
-- Portable between PostgreSQL and H2 2.x: no SERIAL/IDENTITY (EclipseLink + H2 2 fail on IDENTITY),
-- sequences whose INCREMENT equals the JPA allocationSize, TIMESTAMP WITH TIME ZONE for UTC instants.

CREATE SEQUENCE app_user_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE model_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE model_release_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE artifact_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE app_user (
    id            BIGINT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(400) NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version   BIGINT       NOT NULL,
    CONSTRAINT app_user_username_uk UNIQUE (username)
);

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL REFERENCES app_user (id),
    role    VARCHAR(32) NOT NULL,
    CONSTRAINT app_user_role_pk PRIMARY KEY (user_id, role)
);

CREATE TABLE model (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(4000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    row_version BIGINT        NOT NULL,
    CONSTRAINT model_name_uk UNIQUE (name)
);

CREATE TABLE model_release (
    id                      BIGINT PRIMARY KEY,
    model_id                BIGINT        NOT NULL REFERENCES model (id),
    version                 VARCHAR(100)  NOT NULL,
    description             VARCHAR(4000),
    reference_release_id    BIGINT REFERENCES model_release (id),
    status                  VARCHAR(20)   NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(64)   NOT NULL,
    -- the optimization recipe, absent until attached
    recipe_precision        VARCHAR(10),
    recipe_quantization     VARCHAR(10),
    recipe_calibrator       VARCHAR(100),
    recipe_calib_set_name   VARCHAR(200),
    recipe_calib_set_size   INTEGER,
    recipe_calib_set_sha256 CHAR(64),
    recipe_pruning_method   VARCHAR(100),
    recipe_pruning_sparsity NUMERIC(6, 5),
    recipe_teacher_id       BIGINT REFERENCES model_release (id),
    recipe_trt_version      VARCHAR(40),
    recipe_builder_flags    VARCHAR(4000),
    recipe_target_hardware  VARCHAR(100),
    recipe_target_platform  VARCHAR(100),
    recipe_updated_at       TIMESTAMP WITH TIME ZONE,
    recipe_updated_by       VARCHAR(64),
    row_version             BIGINT        NOT NULL,
    CONSTRAINT model_release_version_uk UNIQUE (model_id, version)
);

-- Content-addressed blobs: the file under blobs/sha256/ exists before its row; a file without a row is
-- an orphan from a crash between rename and commit and is swept.
CREATE TABLE blob (
    sha256     CHAR(64) PRIMARY KEY,
    size_bytes BIGINT   NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE artifact (
    id          BIGINT PRIMARY KEY,
    release_id  BIGINT       NOT NULL REFERENCES model_release (id),
    file_name   VARCHAR(255) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    sha256      CHAR(64)     NOT NULL REFERENCES blob (sha256),
    size_bytes  BIGINT       NOT NULL,
    media_type  VARCHAR(200) NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by VARCHAR(64)  NOT NULL,
    CONSTRAINT artifact_release_file_uk UNIQUE (release_id, file_name)
);

CREATE INDEX artifact_release_ix ON artifact (release_id);
CREATE INDEX model_release_model_ix ON model_release (model_id);
