using System.CommandLine;
using System.Globalization;
using Led.Core.Data;
using Led.Core.Pipelines;
using Led.Core.Runs;
using Led.Core.Stages;
using Led.Core.Training;

namespace Led.Cli.Commands;

/// <summary>
/// <c>led import-torch &lt;config&gt; --weights FILE.pt --out DIR</c>: a model trained in PyTorch (e.g. the paper's) becomes
/// a model folder that <c>led forecast --model DIR</c> uses. The config names the matching components; the data scaler
/// comes from a dataset or is given.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var weights = new Option<string>("--weights") { Description = "PyTorch state dict (torch.save(model.state_dict()))", Required = true };
        var output = new Option<string>("--out") { Description = "model folder to write", Required = true };
        var force = CommonOptions.Force();
        var data = new Option<string?>("--data") { Description = "dataset (HDF5 from led simulate) whose scaler the model was trained with" };
        var min = new Option<string?>("--scaler-min") { Description = "per-channel data minimum the model was trained with, e.g. -1.022,-0.1749" };
        var max = new Option<string?>("--scaler-max") { Description = "per-channel data maximum, e.g. 1.0234,0.1866" };
        var command = new Command("import-torch", "turn a PyTorch-trained model into a model folder for `led forecast`")
        {
            config, set, weights, output, force, data, min, max,
        };
        command.SetAction(parse => CommandRunner.Guard(() =>
        {
            using var session = ExperimentSession.Open(parse.GetValue(config), parse.GetValue(set)!);
            var device = session.CreateDevice();
            var problems = PipelineChecks.Check(session.Experiment.Config, session.Components, device, needsModel: true);
            string weightsPath = parse.GetValue(weights)!;
            if (!File.Exists(weightsPath)) problems.Add($"--weights: file not found: {weightsPath}");
            MinMaxScaler? scaler = null;
            if (parse.GetValue(data) is { } dataPath)
            {
                if (File.Exists(dataPath)) scaler = DatasetFile.Read(dataPath).Scaler;
                else problems.Add($"--data: file not found: {dataPath}");
            }
            else if (parse.GetValue(min) is { } lo && parse.GetValue(max) is { } hi)
            {
                try { scaler = new MinMaxScaler(Numbers(lo), Numbers(hi)); }
                catch (Exception ex) when (ex is FormatException or ArgumentException) { problems.Add($"--scaler-min/--scaler-max: {ex.Message}"); }
            }
            else problems.Add("the data scaler is needed: give --data FILE.h5 or --scaler-min and --scaler-max");
            string target = parse.GetValue(output)!;
            if (OutputPath.CheckFolder("--out", target, parse.GetValue(force)) is { } outputProblem) problems.Add(outputProblem);
            if (problems.Count > 0) throw new InvalidInputException(problems);

            using var led = session.Composer.Compose(new StageContext(device, session.Experiment.Config.Seed));
            var (autoencoder, propagator) = (led.Autoencoder, led.Propagator);
            if (scaler!.Channels != led.System.Description.Channels.Count)
                throw new InvalidInputException([$"the scaler has {scaler.Channels} channel(s), the system {led.System.Description.Channels.Count}"]);
            using var model = new LedModel(autoencoder, propagator, scaler, null);
            try
            {
                int count = PyTorchImport.Import(weightsPath, [autoencoder, propagator]);
                bool replacing = OutputPath.HoldsResults(Path.GetFullPath(target));
                var folder = RunFolder.Create(target);
                try
                {
                    model.Save(folder.Path);
                    File.WriteAllText(folder.File("config.json"), Provenance.ToJson(session.Experiment.Resolved()));
                    folder.Commit();
                }
                finally
                {
                    if (Directory.Exists(folder.Path)) Directory.Delete(folder.Path, recursive: true);
                }
                Console.Out.WriteLine($"imported {count} tensors from {weightsPath} into {folder.FinalPath}" +
                                      (replacing ? " (--force: the model folder that was there is replaced)" : ""));
                return ExitCodes.Success;
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidInputException([ex.Message]);
            }
        }));
        return command;
    }

    private static double[] Numbers(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
}
