// AgentMemory evaluation harness. Usage: dotnet run -c Release --project benchmarks/AgentMemory.Evaluation -- <command> [options]
// Each command lives in its own file; add a command with one line below.
using AgentMemory.Evaluation;
using AgentMemory.Evaluation.FactsOverTime;
using AgentMemory.Evaluation.Paraphrase;

var command = args.Length > 0 ? args[0] : "help";
var rest = args.Length > 1 ? args[1..] : [];
return command switch
{
    "locomo" => await LocomoCommand.RunAsync(rest),
    "security" => await SecurityCommand.RunAsync(rest),
    "paraphrase" => await ParaphraseCommand.RunAsync(rest),
    "facts-over-time" => await FactsOverTimeCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AgentMemory.Evaluation <command> [options]");
    Console.Error.WriteLine("  locomo --data PATH [--store inmemory|sqlite] [--embeddings onnx|hashing|none] [--json PATH]");
    Console.Error.WriteLine("  security [--dataset DIR] [--split dev,frozen] [--core-only] [--details] [--json PATH] | security --poisoning FILE.jsonl --pii FILE.jsonl");
    Console.Error.WriteLine("  paraphrase [--split dev|frozen|all] [--store sqlite|inmemory] [--embeddings onnx|hashing] [--data DIR] [--json PATH] [--details PATH] [--check]");
    Console.Error.WriteLine("  facts-over-time [--split dev|frozen|all] [--store sqlite|inmemory] [--embeddings onnx|hashing] [--data DIR] [--json PATH] [--details PATH] [--check]");
    return 2;
}
