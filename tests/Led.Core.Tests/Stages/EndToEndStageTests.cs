using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Autoencoders.Mlp;
using Led.Core.Compute;
using Led.Core.Configuration;
using Led.Core.Experiments;
using Led.Core.Progress;
using Led.Core.Stages;
using Led.Core.Training;
using Led.Propagators.Lstm;
using Led.Systems.KuramotoSivashinsky;
using Serilog.Core;

namespace Led.Core.Tests.Stages;

public sealed class EndToEndStageTests
{
    private const int Seed = 11;

    private static readonly MlpAutoencoderOptions AutoencoderOptions = new() { LatentDim = 3, Layers = 1, Width = 12 };

    /// <summary>
    /// With <c>pretrainAutoencoder</c> the end-to-end stage first runs exactly the sequential mode's autoencoder training
    /// (the same initial weights and seed give the same epochs, to the last bit), then the joint training from its result.
    /// </summary>
    [Fact]
    public void PretrainingIsTheSequentialAutoencoderTrainingFollowedByTheJointTraining()
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { GridPoints = 16, MicroStep = 0.0025 });
        var training = new TrainingOptions
        {
            Mode = TrainingMode.EndToEnd, PretrainAutoencoder = true, MaxEpochs = 3, SequenceLength = 5, WindowLength = 21,
            OutputLoss = true, LatentLoss = true, Optimizer = OptimizerKind.Adam,
        };
        var device = DeviceContext.Create("cpu", Precision.Float64, threads: 1, seed: Seed);
        var autoencoder = new MlpAutoencoder(AutoencoderOptions, system.Description, device);
        // The initial weights, for the twin below (tests run in parallel, so the global generator cannot be relied on).
        var initial = autoencoder.Module.parameters().Select(p => p.detach().clone()).ToList();
        var propagator = new LstmPropagator(new LstmOptions { Hidden = 8, Output = LstmOutput.TanhPlus }, new LatentSpace(3), device);
        using var experiment = new LedExperiment(system, autoencoder, propagator, new StageContext(device, Seed))
        {
            Data = new DataOptions { Transient = 20, TrainSamples = 60, ValidationSamples = 40, TestInitialConditions = 1 },
            Training = training,
        };
        var data = experiment.Simulate();
        var outcome = experiment.Train(data);

        Assert.Equal(["autoencoder", "end_to_end"], outcome.Histories.Select(h => h.Name));
        Assert.Equal(3, outcome.Histories[0].Epochs.Count);
        Assert.NotEmpty(outcome.Histories[1].Epochs);

        using var twin = new MlpAutoencoder(AutoencoderOptions, system.Description, device);
        using (TorchSharp.torch.no_grad())
            foreach (var (parameter, value) in twin.Module.parameters().Zip(initial)) parameter.copy_(value);
        using var splits = new ScaledSplits(data, device);
        var sequential = new AutoencoderTraining(training, Seed, Logger.None, SilentProgress.Instance).Train(twin, splits.TrainFrames, splits.ValidationFrames);
        Assert.Equal(sequential.Select(e => (e.TrainLoss, e.ValidationLoss)), outcome.Histories[0].Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)));
    }

    [Fact]
    public void PretrainingTakesItsOwnWallTimeLimit()
    {
        Assert.Equal(4, new TrainingOptions { MaxMinutes = 30, PretrainAutoencoder = true, PretrainMinutes = 4 }.ForPretraining().MaxMinutes);
        Assert.Equal(30, new TrainingOptions { MaxMinutes = 30, PretrainAutoencoder = true }.ForPretraining().MaxMinutes);
    }

    [Fact]
    public void PretrainingOptionsOutsideEndToEndModeAreRefusedWithTheFix()
    {
        Assert.Equal(["pretrainAutoencoder: sequential mode always trains the autoencoder first; remove pretrainAutoencoder or use mode 'endToEnd'"],
            Errors(new TrainingOptions { PretrainAutoencoder = true }));
        Assert.Equal(["pretrainMinutes: it limits the autoencoder's pre-training, which is off; set pretrainAutoencoder to true or remove pretrainMinutes"],
            Errors(new TrainingOptions { Mode = TrainingMode.EndToEnd, PretrainMinutes = 5 }));
        Assert.Empty(Errors(new TrainingOptions { Mode = TrainingMode.EndToEnd, PretrainAutoencoder = true, PretrainMinutes = 5 }));
    }

    private static List<string> Errors(TrainingOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new(options), errors, validateAllProperties: true);
        return errors.Select(e => e.ErrorMessage!).ToList();
    }
}
