using Led.Core.Configuration;

namespace Led.Core.Training;

/// <summary>A run's checkpoint folder: one <see cref="TrainingCheckpoint"/> per training stage, scheduled by the training options.</summary>
public sealed class TrainingCheckpoints(string folder, TrainingOptions options)
{
    /// <summary>The folder name inside a run folder.</summary>
    public const string FolderName = "checkpoints";

    public string Folder => folder;

    /// <summary>The checkpoint of the stage <paramref name="stage"/> (e.g. <c>autoencoder</c>).</summary>
    public TrainingCheckpoint For(string stage) =>
        new(Path.Combine(folder, stage + ".ckpt"), options.CheckpointEpochs, options.CheckpointMinutes);

    /// <summary>Removes the checkpoints of <paramref name="runFolder"/> (a completed run, or one that failed other than by interruption).</summary>
    public static void Remove(string runFolder)
    {
        string dir = Path.Combine(runFolder, FolderName);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>Whether <paramref name="runFolder"/> holds any checkpoint.</summary>
    public static bool Any(string runFolder)
    {
        string dir = Path.Combine(runFolder, FolderName);
        return Directory.Exists(dir) && Directory.EnumerateFiles(dir, "*.ckpt").Any();
    }
}
