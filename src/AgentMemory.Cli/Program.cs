using AgentMemory.Cli;

return await CliApplication.RunAsync(args, CliConsole.CreateDefault(), CancellationToken.None).ConfigureAwait(false);
