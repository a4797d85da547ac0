using System.Reflection;
using System.Runtime.InteropServices;
using Led.Benchmarks;

// Runs one benchmark by name; with --write, replaces its section in docs/benchmarks.md (machine, date, command kept).
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name).ToList();
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (names.Count == 0 || all.All(b => b.Name != names[0]))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project bench/Led.Benchmarks -- <{string.Join("|", all.Select(b => b.Name))}> [--write]");
    return 2;
}
var bench = all.First(b => b.Name == names[0]);
string body = bench.Run(args.Skip(1).ToList());
string command = $"dotnet run -c Release --project bench/Led.Benchmarks -- {string.Join(' ', args)}";
string section = $"## {bench.Name}\n\n" +
                 $"Command: `{command}`  \nMachine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, " +
                 $"{RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}  \nDate: {DateTime.UtcNow:yyyy-MM-dd}\n\n{body.TrimEnd()}\n";
Console.WriteLine(section);
if (args.Contains("--write")) BenchmarkDocument.ReplaceSection(BenchmarkDocument.FindDocument(), bench.Name, section);
return 0;
