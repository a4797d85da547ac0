using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Experiments;
using Led.Core.Pipelines;
using Led.Core.Stages;
using Led.Core.Training;
using Led.Hosting.Configuration;

namespace Led.Hosting.Experiments;

/// <summary>
/// What the experiment commands do, as stage sequences over a config's components: obtain the data, train and save a
/// model, forecast with a saved model, or all of it. Results go into a run folder.
/// </summary>
public sealed class ExperimentActions(Experiment experiment, ExperimentComposer composer, StageContext context, string provenanceJson)
{
    /// <summary>The dataset of <c>data.path</c>, or simulated and written to <paramref name="saveTo"/> (when given).</summary>
    public LedDataset Data(string? saveTo)
    {
        var c = experiment.Config;
        var stage = composer.Data(context);
        if (c.Data.Path is { } path) return stage.Read(path);
        var data = stage.Simulate(c.Data, PipelineChecks.TestLength(c), composer.InitialState);
        if (saveTo is not null) DatasetFile.Write(saveTo, data, provenanceJson, c.Data.Storage == Precision.Float32);
        return data;
    }

    /// <summary>Trains into <c>folder/model</c> (only the autoencoder with <paramref name="autoencoderOnly"/>) and writes the training histories.</summary>
    public Dictionary<string, double> Train(string folder, LedDataset data, bool autoencoderOnly = false)
    {
        using var led = composer.Compose(context);
        return Train(led, folder, data, autoencoderOnly).Metrics;
    }

    private TrainingOutcome Train(LedExperiment led, string folder, LedDataset data, bool autoencoderOnly)
    {
        var trained = led.Train(data, autoencoderOnly);
        string model = Path.Combine(folder, "model");
        if (autoencoderOnly) LedModel.SaveAutoencoder(model, trained.Model.Autoencoder, trained.Model.DataScaler);
        else trained.Model.Save(model);
        new ReportStage(folder, experiment.Config.Output).Histories(trained.Histories);
        return trained;
    }

    /// <summary>Latent-LED (and Multiscale-LED when configured) with the model saved in <paramref name="modelDirectory"/>.</summary>
    public Dictionary<string, double> Forecast(string folder, string modelDirectory)
    {
        using var led = composer.Compose(context);
        using var model = LedModel.Load(modelDirectory, led.Autoencoder, led.Propagator, composer.System.Description.Observable, context.Log);
        return led.Evaluate(ModelData(modelDirectory), model, folder);
    }

    /// <summary><c>data.path</c>, else the data the model was trained on (beside its folder), else simulated.</summary>
    private LedDataset ModelData(string modelDirectory)
    {
        string sibling = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelDirectory))!, "data.h5");
        return experiment.Config.Data.Path is null && File.Exists(sibling) ? composer.Data(context).Read(sibling) : Data(null);
    }

    /// <summary>
    /// The model saved in <paramref name="modelDirectory"/> scored under this config's training objective on its training
    /// and validation windows (<see cref="ObjectiveStage"/>); the data as for <see cref="Forecast"/>.
    /// </summary>
    public Dictionary<string, double> Objective(string modelDirectory)
    {
        using var led = composer.Compose(context);
        using var model = LedModel.Load(modelDirectory, led.Autoencoder, led.Propagator, composer.System.Description.Observable, context.Log);
        return new ObjectiveStage(experiment.Config.Training, context).Score(model, ModelData(modelDirectory));
    }

    /// <summary>Every stage: data (written to <c>folder/data.h5</c> when simulated), training, forecast.</summary>
    public Dictionary<string, double> Run(string folder)
    {
        var data = Data(experiment.Config.Data.Path is null ? Path.Combine(folder, "data.h5") : null);
        using var led = composer.Compose(context);
        var trained = Train(led, folder, data, autoencoderOnly: false);
        foreach (var (key, value) in led.Evaluate(data, trained.Model, folder)) trained.Metrics[key] = value;
        return trained.Metrics;
    }
}
