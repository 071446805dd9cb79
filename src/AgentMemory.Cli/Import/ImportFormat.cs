namespace AgentMemory.Cli.Import;

/// <summary>The formats <c>agentmemory import</c> reads.</summary>
internal enum ImportFormat
{
    /// <summary>Decide from the file's shape.</summary>
    Auto = 0,

    /// <summary>AgentMemory's own export (<c>agentmemory export</c>, <c>IAgentMemory.ExportAsync</c>).</summary>
    AgentMemory = 1,

    /// <summary>Mem0's memories as JSON (<c>get_all</c> output: an array, or an object with <c>results</c> or <c>memories</c>).</summary>
    Mem0 = 2,
}
