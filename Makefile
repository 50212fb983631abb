# 两条命令即可:make demo(安装并生成示例)和 make test(安装并运行测试)。
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test setup system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	mkdir -p out
	@set -e; for f in examples/*.yaml; do \
	  name=$$(basename "$$f" .yaml); \
	  $(BIN)/reportgen build "$$f" -o "out/$$name.docx"; \
	done

system-deps:
	bash scripts/install-system-deps.sh

test: setup system-deps
	$(BIN)/ruff check generator tests scripts
	$(BIN)/python -m pytest

clean:
	rm -rf out .pytest_cache
