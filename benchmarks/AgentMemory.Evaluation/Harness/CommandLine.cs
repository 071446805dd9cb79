namespace AgentMemory.Evaluation.Harness;

/// <summary>Parses <c>--name value</c> options against a fixed set of names; anything else is an error.</summary>
internal static class CommandLine
{
    /// <summary>The options given, or null (with the offending argument in <paramref name="error"/>).</summary>
    public static Dictionary<string, string>? Parse(string[] args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags, out string? error)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i]))
            {
                result[args[i]] = "true";
            }
            else if (valued.Contains(args[i]) && i + 1 < args.Length)
            {
                result[args[i]] = args[++i];
            }
            else
            {
                error = $"unknown or incomplete option '{args[i]}'";
                return null;
            }
        }

        return result;
    }
}
