using System.Text.Json;
using System.Text.Json.Nodes;
using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Core.Data;
using Serilog;

namespace Led.Core.Training;

/// <summary>
/// A trained LED model: the autoencoder, the propagator and the scalers. Saved as a folder: <c>autoencoder.bin</c> and
/// <c>propagator.bin</c> (TorchSharp weights for trainable parts, the component's own format for fitted ones) and
/// <c>scalers.json</c>, and the propagator's text summary if it has one (<see cref="IModelSummary"/>, e.g.
/// <c>sindy_equations.txt</c>). Loading needs no type-name deserialisation: the components are created from the config first.
/// The model owns its components: disposing it disposes those that are <see cref="IDisposable"/> (native tensors).
/// </summary>
public sealed record LedModel(IAutoencoder Autoencoder, ILatentPropagator Propagator, MinMaxScaler DataScaler, LatentScaler? LatentScaler) : IDisposable
{
    /// <summary>Disposes the propagator and the autoencoder (those that are disposable).</summary>
    public void Dispose() => DisposeComponents(Autoencoder, Propagator);

    /// <summary>Disposes the components that are <see cref="IDisposable"/>: for their creator when no model took them over.</summary>
    public static void DisposeComponents(IAutoencoder autoencoder, ILatentPropagator propagator)
    {
        (propagator as IDisposable)?.Dispose();
        (autoencoder as IDisposable)?.Dispose();
    }

    public void Save(string directory)
    {
        SaveAutoencoder(directory, Autoencoder, DataScaler, LatentScaler);
        SaveComponent(Propagator, Path.Combine(directory, PropagatorFile));
        if (Propagator is IModelSummary { Summary.Length: > 0 } summary)
            File.WriteAllText(Path.Combine(directory, Path.GetFileName(summary.SummaryFileName)), summary.Summary);
        ModelManifest.Write(directory, [AutoencoderFile, PropagatorFile, ScalersFile]);
    }

    private const string AutoencoderFile = "autoencoder.bin", PropagatorFile = "propagator.bin", ScalersFile = "scalers.json";

    /// <summary>
    /// Writes <c>autoencoder.bin</c> and <c>scalers.json</c> only: an autoencoder trained once for several propagators
    /// (<c>led train --autoencoder-only</c>, reused through <c>training.autoencoder</c>).
    /// </summary>
    public static void SaveAutoencoder(string directory, IAutoencoder autoencoder, MinMaxScaler dataScaler, LatentScaler? latentScaler = null)
    {
        Directory.CreateDirectory(directory);
        SaveComponent(autoencoder, Path.Combine(directory, "autoencoder.bin"));
        var scalers = new JsonObject
        {
            ["data_min"] = new JsonArray(dataScaler.Min.Select(v => (JsonNode)v).ToArray()),
            ["data_max"] = new JsonArray(dataScaler.Max.Select(v => (JsonNode)v).ToArray()),
            ["latent_dim"] = autoencoder.LatentDim,
        };
        if (latentScaler is not null)
        {
            scalers["latent_min"] = new JsonArray(latentScaler.Min.Select(v => (JsonNode)v).ToArray());
            scalers["latent_max"] = new JsonArray(latentScaler.Max.Select(v => (JsonNode)v).ToArray());
        }
        File.WriteAllText(Path.Combine(directory, ScalersFile), scalers.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        ModelManifest.Write(directory, [AutoencoderFile, ScalersFile]);
    }

    /// <summary>The model folder of <paramref name="path"/>: the path itself when it holds <c>scalers.json</c>, else its <c>model/</c> subfolder (a run folder).</summary>
    public static string ResolveDirectory(string path) =>
        File.Exists(Path.Combine(path, "scalers.json")) ? path : Path.Combine(path, "model");

    /// <summary>
    /// Loads saved weights into freshly created components and takes them over: the returned model owns them, and when
    /// loading fails they are disposed. Mismatches give an <see cref="InvalidDataException"/>.
    /// </summary>
    /// <param name="observable">The system's observable, whose layout the data scaler follows (null: a channel-major field).</param>
    /// <param name="log">Where a folder without <c>manifest.json</c> (saved before manifests were written) is reported.</param>
    public static LedModel Load(string directory, IAutoencoder autoencoder, ILatentPropagator propagator, Observable? observable = null, ILogger? log = null)
    {
        try
        {
            RequireScalers(directory);
            Verify(directory, [ScalersFile, AutoencoderFile, PropagatorFile], log);
            var (dataScaler, latentScaler) = LoadVerifiedAutoencoder(directory, autoencoder, observable);
            LoadComponent(propagator, Path.Combine(directory, PropagatorFile));
            return new LedModel(autoencoder, propagator, dataScaler, latentScaler);
        }
        catch
        {
            DisposeComponents(autoencoder, propagator);
            throw;
        }
    }

    /// <summary>Loads the autoencoder's weights and the scalers saved beside them (the latent scaler when a propagator was trained).</summary>
    public static (MinMaxScaler DataScaler, LatentScaler? LatentScaler) LoadAutoencoder(string directory, IAutoencoder autoencoder, Observable? observable = null,
        ILogger? log = null)
    {
        RequireScalers(directory);
        Verify(directory, [ScalersFile, AutoencoderFile], log);
        return LoadVerifiedAutoencoder(directory, autoencoder, observable);
    }

    private static void RequireScalers(string directory)
    {
        string scalersPath = Path.Combine(directory, ScalersFile);
        if (!File.Exists(scalersPath))
            throw new FileNotFoundException($"no trained model in {directory} (scalers.json missing): give the folder of a trained run or its model/ subfolder", scalersPath);
    }

    private static (MinMaxScaler DataScaler, LatentScaler? LatentScaler) LoadVerifiedAutoencoder(string directory, IAutoencoder autoencoder, Observable? observable)
    {
        string scalersPath = Path.Combine(directory, ScalersFile);
        var scalers = JsonNode.Parse(File.ReadAllText(scalersPath))!.AsObject();
        int latentDim = scalers["latent_dim"]!.GetValue<int>();
        if (latentDim != autoencoder.LatentDim)
            throw new InvalidDataException($"the model in {directory} has d_z = {latentDim}, the config's encoder has d_z = {autoencoder.LatentDim}: use the config it was trained with");
        LoadComponent(autoencoder, Path.Combine(directory, AutoencoderFile));
        double[] Read(string key) => scalers[key]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var latent = scalers.ContainsKey("latent_min") ? new LatentScaler(Read("latent_min"), Read("latent_max")) : null;
        return (new MinMaxScaler(Read("data_min"), Read("data_max"), observable), latent);
    }

    private static void Verify(string directory, string[] files, ILogger? log)
    {
        if (!ModelManifest.Verify(directory, files))
            log?.Warning("model: {Directory} has no {Manifest} (saved by an earlier version): its files are loaded unchecked", directory, ModelManifest.FileName);
    }

    private static void SaveComponent(object component, string path)
    {
        switch (component)
        {
            case ITrainable trainable:
                trainable.Module.save(path);
                break;
            case IFittable fittable:
                using (var stream = File.Create(path)) fittable.Save(stream);
                break;
            default:
                throw new InvalidOperationException($"{component.GetType().Name} can be neither saved as a module nor as a fitted model");
        }
    }

    private static void LoadComponent(object component, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"trained model file missing: {path}", path);
        try
        {
            switch (component)
            {
                case ITrainable trainable:
                    trainable.Module.load(path);
                    break;
                case IFittable fittable:
                    using (var stream = File.OpenRead(path)) fittable.Load(stream);
                    break;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"{path} does not fit the configured {component.GetType().Name}: {ex.Message} (use the config the model was trained with; if it is, the file is damaged)", ex);
        }
    }
}
