using BenchmarkDotNet.Running;
using BorderSecurity.Benchmarks;

// `marten [--quick] [--sizes 100000,1000000]` runs the Marten scenarios; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "marten")
{
    return await MartenScenarios.RunAsync(args[1..]);
}

// `fy [--quick] [--sizes 100000,1000000]`: the financial-year question in memory, on Marten and by live aggregation.
if (args.Length > 0 && args[0] == "fy")
{
    return await FinancialYearScenario.RunAsync(args[1..]);
}

// `changes [--quick] [--sizes 100000,1000000]`: the change questions in memory, on Marten and by the daemon-kept documents.
if (args.Length > 0 && args[0] == "changes")
{
    return await ChangeScenario.RunAsync(args[1..]);
}

// `inmemory [--quick] --against COMMIT`: the in-memory figures of this checkout beside an earlier commit's, same events.
if (args.Length > 0 && args[0] == "inmemory")
{
    return await InMemoryComparison.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "rebuild-profile")
{
    return await RebuildProfile.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(InMemoryBenchmarks).Assembly).Run(args);
return 0;
