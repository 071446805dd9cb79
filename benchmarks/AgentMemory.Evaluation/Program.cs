// AgentMemory evaluation harness. Usage: dotnet run -c Release --project benchmarks/AgentMemory.Evaluation -- <command> [options]
// Each command lives in its own file; add a command with one line below.
using AgentMemory.Evaluation;

var command = args.Length > 0 ? args[0] : "help";
var rest = args.Length > 1 ? args[1..] : [];
return command switch
{
    "locomo" => await LocomoCommand.RunAsync(rest),
    "security" => await SecurityCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AgentMemory.Evaluation <command> [options]");
    Console.Error.WriteLine("  locomo --data PATH [--store inmemory|sqlite] [--embeddings local|none] [--json PATH]");
    Console.Error.WriteLine("  security --poisoning FILE.jsonl --pii FILE.jsonl [--json PATH]");
    return 2;
}
