# The operations contract (DESIGN.md): `make run` and `make test` install what is
# missing, build, and then serve or test. The binary is build/textura.
.PHONY: all deps build build-cpp build-web run test test-cpp test-web test-blackbox test-e2e \
        bench fuzz lint format clean

BUILD_DIR ?= build
BUILD_TYPE ?= Release

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build-cpp: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

build-web:
	cd web && npm run build

build: deps build-cpp build-web

run: build
	./$(BUILD_DIR)/textura serve

test:
	@scripts/install-deps.sh --test
	@scripts/test.sh

bench: build
	bench/run.sh

# The fuzz targets for longer than make test gives them (FUZZ_SECONDS per target),
# then the schema-driven pass over the API for as long (tests/blackbox/schema_fuzz.test.js).
FUZZ_SECONDS ?= 300
fuzz:
	@scripts/install-deps.sh --test
	scripts/fuzz.sh $(FUZZ_SECONDS)
	$(MAKE) --no-print-directory build-cpp
	cd tests && SCHEMA_FUZZ_SECONDS=$(FUZZ_SECONDS) node --test --test-reporter=spec blackbox/schema_fuzz.test.js

lint:
	cd web && npm run lint
	clang-format --dry-run --Werror $$(git ls-files 'src/*.cpp' 'src/*.h')

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h')

clean:
	rm -rf $(BUILD_DIR) build-fuzz web/dist
