switch (args.FirstOrDefault())
{
    case "security":
        return await AgentMemory.Evaluation.SecurityCommand.RunAsync(args[1..]).ConfigureAwait(false);
    default:
        Console.Error.WriteLine("Usage: AgentMemory.Evaluation security --poisoning FILE.jsonl --pii FILE.jsonl [--json PATH]");
        return 2;
}
