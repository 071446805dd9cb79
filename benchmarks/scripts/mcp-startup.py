#!/usr/bin/env python3
"""Times `agentmemory mcp` over stdio: ms from process start to the `initialize` reply, and to the first
`memory_search` reply (the local model loads on the first call that embeds).

Usage: python3 benchmarks/scripts/mcp-startup.py PATH_TO_agentmemory DB_PATH [RUNS]
Each run starts a new process on DB_PATH; prints one JSON line per run."""
import json, subprocess, sys, time

def run(exe: str, db: str) -> dict:
    start = time.monotonic()
    p = subprocess.Popen([exe, "mcp", "--db", db], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, bufsize=1)
    def send(message: dict) -> None:
        p.stdin.write(json.dumps(message) + "\n")
        p.stdin.flush()
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
          "capabilities": {}, "clientInfo": {"name": "mcp-startup", "version": "1"}}})
    p.stdout.readline()
    result = {"initialize_ms": round((time.monotonic() - start) * 1000)}
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    send({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
          "params": {"name": "memory_search", "arguments": {"query": "what car do I have"}}})
    p.stdout.readline()
    result["first_search_ms"] = round((time.monotonic() - start) * 1000)
    p.stdin.close()
    p.wait(timeout=30)
    return result

if __name__ == "__main__":
    for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 5):
        print(json.dumps(run(sys.argv[1], sys.argv[2])))
