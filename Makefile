# 两条命令即可:make demo(安装并生成示例)和 make test(安装并运行测试)。
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test bench accuracy stress setup system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/reportgen build examples/ -o out/

system-deps:
	bash scripts/install-system-deps.sh

test: setup system-deps
	$(BIN)/ruff check generator tests scripts bench
	$(BIN)/python -m pytest

# 与其他做法并排测速(python-docx 脚本、docxtpl、pandoc、jieba),打印一张表
bench: setup
	bash scripts/install-system-deps.sh bench
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python bench/run.py

# 真实报告开发集(tests/fixtures/realworld/)上的准确率,逐篇列出
accuracy: setup
	$(BIN)/python scripts/realworld.py

# 可靠性:反复强行结束写入、两个进程同时写同一个文件,打印完整/损坏/丢失的份数(约两分钟)
stress: setup
	$(BIN)/python scripts/stress.py

clean:
	rm -rf out .pytest_cache
