using System.Diagnostics;
using Led.Core.Configuration;
using Led.Core.Progress;
using Serilog;
using TorchSharp;
using TorchSharp.Modules;

namespace Led.Core.Training;

/// <summary>
/// The reference's training schedule: rounds of early stopping. Each round restores the best model so far, creates a
/// fresh optimiser with learning rate lr·factor^round, and trains until the validation loss has not improved for
/// <see cref="TrainingOptions.Patience"/> epochs; training ends after <see cref="TrainingOptions.MaxRounds"/> rounds,
/// <see cref="TrainingOptions.MaxEpochs"/> epochs or the wall-time limit. The best trained epoch is restored at the end.
/// A non-finite loss, or one over <see cref="ExplosionFactor"/> times the untrained model's, stops training with a
/// <see cref="TrainingDivergedException"/>.
/// </summary>
public sealed class EarlyStoppingTrainer(TrainingOptions options, ILogger log, IProgressReporter progress)
{
    /// <param name="name">Stage name for logs and errors (e.g. "autoencoder").</param>
    /// <param name="module">Holds every trained parameter (restored to its best state at the end).</param>
    /// <param name="trainEpoch">One pass over the training data with the given optimiser; returns the mean training loss.</param>
    /// <param name="validate">The validation loss (no gradient).</param>
    public IReadOnlyList<EpochRecord> Run(string name, torch.nn.Module module, Func<IGradientOptimizer, double> trainEpoch,
        Func<double> validate, CancellationToken cancel = default)
    {
        var history = new List<EpochRecord>();
        var clock = Stopwatch.StartNew();
        double untrained = validate();
        EnsureFinite(untrained, name, 0, "validation");
        double limit = ExplosionFactor * Math.Max(Math.Abs(untrained), 1);
        // The kept model is the best trained epoch, so the best loss logged and the one reported in the metrics are the same.
        double best = double.PositiveInfinity;
        using var bestState = new Holder(new ModuleSnapshot(module));
        int epoch = 0;
        using var task = progress.Start($"training {name}", options.MaxEpochs);
        for (int round = 0; round < options.MaxRounds && epoch < options.MaxEpochs; round++)
        {
            bestState.Value.RestoreInto(module);
            double lr = options.LearningRate * Math.Pow(options.LearningRateFactor, round);
            var optimizer = CreateOptimizer(module.parameters(), lr);
            try
            {
                int sinceBest = 0;
                while (epoch < options.MaxEpochs)
                {
                    cancel.ThrowIfCancellationRequested();
                    var epochClock = Stopwatch.StartNew();
                    module.train();
                    double train = trainEpoch(optimizer);
                    EnsureBounded(train, limit, untrained, name, epoch + 1, "training");
                    module.eval();
                    double val = validate();
                    EnsureBounded(val, limit, untrained, name, epoch + 1, "validation");
                    epoch++;
                    history.Add(new EpochRecord(epoch, round, lr, train, val, epochClock.Elapsed.TotalSeconds));
                    if (val < best)
                    {
                        best = val;
                        sinceBest = 0;
                        bestState.Replace(new ModuleSnapshot(module));
                    }
                    else sinceBest++;
                    task.Report(epoch, $"round {round + 1} lr {lr:G2} train {train:E3} val {val:E3} best {best:E3}");
                    if (sinceBest >= options.Patience) break;
                    if (options.MaxMinutes > 0 && clock.Elapsed.TotalMinutes > options.MaxMinutes)
                    {
                        log.Warning("{Stage}: wall-time limit of {Minutes} min reached after {Epochs} epochs", name, options.MaxMinutes, epoch);
                        epoch = options.MaxEpochs;
                        break;
                    }
                }
            }
            finally
            {
                (optimizer as IDisposable)?.Dispose();
            }
            log.Information("{Stage}: round {Round} ended at epoch {Epoch}, best validation loss {Best:E4}", name, round + 1, epoch, best);
        }
        bestState.Value.RestoreInto(module);
        module.eval();
        task.Report(options.MaxEpochs, $"best val {best:E3} after {epoch} epochs");
        return history;
    }

    private IGradientOptimizer CreateOptimizer(IEnumerable<Parameter> parameters, double lr) =>
        options.Optimizer == OptimizerKind.Adam ? TorchOptimizer.Adam(parameters, lr) : new AdaBelief(parameters, lr);

    /// <summary>A loss this many times the untrained model's validation loss (at least 1) means training diverged.</summary>
    public const double ExplosionFactor = 1e6;

    private void EnsureBounded(double loss, double limit, double untrained, string name, int epoch, string which)
    {
        EnsureFinite(loss, name, epoch, which);
        if (loss > limit)
            throw new TrainingDivergedException(
                $"{name}: the {which} loss reached {loss:G3} at epoch {epoch}, more than {ExplosionFactor:G1} times the untrained model's " +
                $"validation loss ({untrained:G3}): training diverged; lower training.learningRate (now {options.LearningRate:G3})");
    }

    private void EnsureFinite(double loss, string name, int epoch, string which)
    {
        if (!double.IsFinite(loss))
            throw new TrainingDivergedException(
                $"{name}: the {which} loss became {loss} at epoch {epoch}; lower training.learningRate (now {options.LearningRate:G3}) " +
                "or check the data for non-finite values");
    }

    private sealed class Holder(ModuleSnapshot value) : IDisposable
    {
        public ModuleSnapshot Value { get; private set; } = value;

        public void Replace(ModuleSnapshot next)
        {
            Value.Dispose();
            Value = next;
        }

        public void Dispose() => Value.Dispose();
    }
}
