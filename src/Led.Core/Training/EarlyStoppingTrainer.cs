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
/// <see cref="TrainingDivergedException"/>. With a <see cref="TrainingCheckpoint"/> the loop's whole state is saved as it
/// goes and a killed training continues from it to the same weights, bit for bit, as one that was never interrupted.
/// </summary>
public sealed class EarlyStoppingTrainer(TrainingOptions options, ILogger log, IProgressReporter progress)
{
    /// <param name="name">Stage name for logs and errors (e.g. "autoencoder").</param>
    /// <param name="module">Holds every trained parameter (restored to its best state at the end).</param>
    /// <param name="trainEpoch">One pass over the training data with the given optimiser; returns the mean training loss.</param>
    /// <param name="validate">The validation loss (no gradient).</param>
    /// <param name="checkpoint">
    /// Where the loop's state is written as it goes, and continued from when the file exists: a finished stage returns its
    /// history at once, an interrupted one goes on from its last checkpoint to the same weights as an uninterrupted run.
    /// </param>
    /// <param name="randomness">The loop's random draws (shuffling, noise), saved and restored with the checkpoint.</param>
    public IReadOnlyList<EpochRecord> Run(string name, torch.nn.Module module, Func<IGradientOptimizer, double> trainEpoch,
        Func<double> validate, CancellationToken cancel = default, TrainingCheckpoint? checkpoint = null, TrainingRandomness? randomness = null)
    {
        using var ownRandomness = randomness is null ? new TrainingRandomness(0, 0) : null;
        var draws = randomness ?? ownRandomness!;
        var s = new LoopState();
        using var bestState = new Holder(new ModuleSnapshot(module));
        IGradientOptimizer? optimizer = null;
        if (checkpoint is { Exists: true })
        {
            optimizer = checkpoint.Read(reader => Restore(reader, name, module, bestState, draws, s));
            if (s.Finished)
            {
                log.Information("{Stage}: trained before the interruption ({Epochs} epochs); weights and history from {Checkpoint}", name, s.History.Count, checkpoint.Path);
                bestState.Value.RestoreInto(module);
                module.eval();
                return s.History;
            }
            log.Information("{Stage}: resumed from {Checkpoint} after epoch {Epoch} (round {Round})", name, checkpoint.Path, s.Epoch, s.Round + 1);
        }
        else
        {
            s.Untrained = validate();
            EnsureFinite(s.Untrained, name, 0, "validation");
        }
        var clock = Stopwatch.StartNew();
        double limit = ExplosionFactor * Math.Max(Math.Abs(s.Untrained), 1);
        double Minutes() => s.Seconds / 60 + clock.Elapsed.TotalMinutes;
        using var task = progress.Start($"training {name}", options.MaxEpochs);
        for (; s.Round < options.MaxRounds && s.Epoch < options.MaxEpochs; s.Round++)
        {
            double lr = LearningRate(s.Round);
            if (optimizer is null)
            {
                bestState.Value.RestoreInto(module);
                optimizer = CreateOptimizer(module.parameters(), lr);
                s.SinceBest = 0;
            }
            try
            {
                while (s.Epoch < options.MaxEpochs)
                {
                    cancel.ThrowIfCancellationRequested();
                    var epochClock = Stopwatch.StartNew();
                    module.train();
                    double train = trainEpoch(optimizer);
                    EnsureBounded(train, limit, s.Untrained, name, s.Epoch + 1, "training");
                    module.eval();
                    double val = validate();
                    EnsureBounded(val, limit, s.Untrained, name, s.Epoch + 1, "validation");
                    s.Epoch++;
                    s.History.Add(new EpochRecord(s.Epoch, s.Round, lr, train, val, epochClock.Elapsed.TotalSeconds));
                    if (val < s.Best)
                    {
                        s.Best = val;
                        s.SinceBest = 0;
                        bestState.Replace(new ModuleSnapshot(module));
                    }
                    else s.SinceBest++;
                    task.Report(s.Epoch, $"round {s.Round + 1} lr {lr:G2} train {train:E3} val {val:E3} best {s.Best:E3}");
                    bool overTime = options.MaxMinutes > 0 && Minutes() > options.MaxMinutes;
                    if (overTime)
                    {
                        log.Warning("{Stage}: wall-time limit of {Minutes} min reached after {Epochs} epochs", name, options.MaxMinutes, s.Epoch);
                        s.Epoch = options.MaxEpochs;
                    }
                    s.RoundOver = overTime || s.SinceBest >= options.Patience;
                    if (checkpoint is not null && checkpoint.Due())
                        Save(checkpoint, name, module, bestState.Value, s.RoundOver ? null : optimizer, draws, s, Minutes());
                    if (s.RoundOver) break;
                }
            }
            finally
            {
                (optimizer as IDisposable)?.Dispose();
                optimizer = null;
            }
            s.RoundOver = false;
            log.Information("{Stage}: round {Round} ended at epoch {Epoch}, best validation loss {Best:E4}", name, s.Round + 1, s.Epoch, s.Best);
        }
        bestState.Value.RestoreInto(module);
        module.eval();
        task.Report(options.MaxEpochs, $"best val {s.Best:E3} after {s.Epoch} epochs");
        if (checkpoint is { Enabled: true })
        {
            s.Finished = true;
            Save(checkpoint, name, module, bestState.Value, null, draws, s, Minutes());
        }
        return s.History;
    }

    private double LearningRate(int round) => options.LearningRate * Math.Pow(options.LearningRateFactor, round);

    /// <summary>The loop's counters: what a checkpoint holds besides weights, optimiser state and random generators.</summary>
    private sealed class LoopState
    {
        public int Epoch, Round, SinceBest;
        public bool RoundOver, Finished;
        public double Untrained, Best = double.PositiveInfinity, Seconds;
        public List<EpochRecord> History { get; } = [];
    }

    private static void Save(TrainingCheckpoint checkpoint, string name, torch.nn.Module module, ModuleSnapshot best,
        IGradientOptimizer? optimizer, TrainingRandomness randomness, LoopState s, double minutes) => checkpoint.Write(writer =>
    {
        writer.Write(name);
        writer.Write(s.Epoch);
        writer.Write(s.Round);
        writer.Write(s.SinceBest);
        writer.Write(s.RoundOver);
        writer.Write(s.Finished);
        writer.Write(s.Untrained);
        writer.Write(s.Best);
        writer.Write(minutes * 60);
        writer.Write(s.History.Count);
        foreach (var r in s.History)
        {
            writer.Write(r.Epoch);
            writer.Write(r.Round);
            writer.Write(r.LearningRate);
            writer.Write(r.TrainLoss);
            writer.Write(r.ValidationLoss);
            writer.Write(r.Seconds);
        }
        using (var current = new ModuleSnapshot(module)) current.Write(writer);
        best.Write(writer);
        writer.Write(optimizer is not null);
        optimizer?.SaveState(writer);
        randomness.Save(writer);
    });

    /// <summary>Reads a checkpoint into the loop: weights, best weights, counters, history, random generators; returns the optimiser of an unfinished round.</summary>
    private IGradientOptimizer? Restore(BinaryReader reader, string name, torch.nn.Module module, Holder best, TrainingRandomness randomness, LoopState s)
    {
        string saved = reader.ReadString();
        if (saved != name) throw new InvalidDataException($"it holds the training of {saved}, not of {name}");
        s.Epoch = reader.ReadInt32();
        s.Round = reader.ReadInt32();
        s.SinceBest = reader.ReadInt32();
        s.RoundOver = reader.ReadBoolean();
        s.Finished = reader.ReadBoolean();
        s.Untrained = reader.ReadDouble();
        s.Best = reader.ReadDouble();
        s.Seconds = reader.ReadDouble();
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
            s.History.Add(new EpochRecord(reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()));
        using (var current = new ModuleSnapshot(module, reader)) current.RestoreInto(module);
        best.Replace(new ModuleSnapshot(module, reader));
        IGradientOptimizer? optimizer = null;
        if (reader.ReadBoolean())
        {
            optimizer = CreateOptimizer(module.parameters(), LearningRate(s.Round));
            optimizer.LoadState(reader);
        }
        else if (s.RoundOver)
        {
            s.Round++;
            s.RoundOver = false;
        }
        randomness.Restore(reader, s.History.Count);
        return optimizer;
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
