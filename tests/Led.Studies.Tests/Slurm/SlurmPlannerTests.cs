using Led.Studies.Slurm;

namespace Led.Studies.Tests.Slurm;

public sealed class SlurmPlannerTests
{
    private static SlurmStudy Study(int datasets, int autoencoders, params int[] runs) =>
        new("/home/me/configs/study.json", ["encoder.options.channels=[4, 4]"], "/scratch/studies/ks", "/scratch",
            ["/opt/led/led"], runs, Threads: 4, datasets, autoencoders);

    [Fact]
    public void SharedStagesArePreparedByAJobTheArrayWaitsFor()
    {
        var plan = SlurmPlanner.Plan(Study(2, 0, 5, 0, 1, 2), new SlurmOptions(Partition: "gpu", Time: "01:00:00", GpusPerTask: 1));

        var prepare = Assert.IsType<SlurmJob>(plan.Prepare);
        Assert.Equal("/scratch/studies/ks/slurm/prepare.sh", prepare.ScriptPath);
        Assert.Equal(["--parsable", "/scratch/studies/ks/slurm/prepare.sh"], prepare.SbatchArguments(null));
        Assert.False(prepare.AfterPrepare);
        Assert.Empty(prepare.Indices);

        Assert.True(plan.Array.AfterPrepare);
        Assert.Equal(["--parsable", "--dependency=afterok:4242", "/scratch/studies/ks/slurm/sweep.sh"], plan.Array.SbatchArguments("4242"));
        Assert.Throws<ArgumentNullException>(() => plan.Array.SbatchArguments(null));
        Assert.Equal([0, 1, 2, 5], plan.Array.Indices);
        Assert.Equal([prepare, plan.Array], plan.Jobs);
        Assert.Equal("2 shared dataset(s) and 0 shared autoencoder(s)", plan.Shared);

        Assert.Equal(
            "#!/bin/bash\n" +
            "#SBATCH --job-name=led-ks\n" +
            "#SBATCH --array=0-2,5\n" +
            "#SBATCH --output=/scratch/studies/ks/slurm/run-%A_%a.out\n" +
            "#SBATCH --chdir=/scratch\n" +
            "#SBATCH --ntasks=1\n" +
            "#SBATCH --partition=gpu\n" +
            "#SBATCH --time=01:00:00\n" +
            "#SBATCH --cpus-per-task=4\n" +
            "#SBATCH --gpus-per-task=1\n" +
            "# one array task per run of /scratch/studies/ks; the task id is the run's index in `led sweep plan`\n" +
            "set -eu\n" +
            "echo \"led sweep: job ${SLURM_JOB_ID:-?} task ${SLURM_ARRAY_TASK_ID:-none} on $(hostname) at $(date -Is)\"\n" +
            "exec /opt/led/led sweep run-one /home/me/configs/study.json --index \"$SLURM_ARRAY_TASK_ID\" " +
            "--set 'encoder.options.channels=[4, 4]' --out /scratch/studies/ks\n",
            plan.Array.Script);

        // Simulating datasets takes one core; no GPU is asked for.
        Assert.Contains("#SBATCH --job-name=led-ks-data\n", prepare.Script);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", prepare.Script);
        Assert.DoesNotContain("gpus", prepare.Script);
        Assert.Contains("exec /opt/led/led sweep prepare /home/me/configs/study.json --set 'encoder.options.channels=[4, 4]' --out /scratch/studies/ks\n", prepare.Script);
    }

    [Fact]
    public void APreparedAutoencoderTrainsWithTheRunsCpus()
    {
        var plan = SlurmPlanner.Plan(Study(0, 1, 0, 1), new SlurmOptions(CpusPerTask: 8));
        Assert.Contains("#SBATCH --cpus-per-task=8\n", plan.Prepare!.Script);
        Assert.Contains("#SBATCH --cpus-per-task=8\n", plan.Array.Script);
        Assert.Equal("0 shared dataset(s) and 1 shared autoencoder(s)", plan.Shared);
    }

    [Fact]
    public void WithNothingSharedTheArrayIsTheOnlyJobAndWaitsForNone()
    {
        var plan = SlurmPlanner.Plan(Study(0, 0, 3), new SlurmOptions());

        Assert.Null(plan.Prepare);
        Assert.Equal([plan.Array], plan.Jobs);
        Assert.False(plan.Array.AfterPrepare);
        Assert.Equal(["--parsable", "/scratch/studies/ks/slurm/sweep.sh"], plan.Array.SbatchArguments(null));
        Assert.Contains("#SBATCH --array=3\n", plan.Array.Script);
        Assert.DoesNotContain("--partition", plan.Array.Script);
        Assert.DoesNotContain("--time", plan.Array.Script);
        Assert.DoesNotContain("--gpus-per-task", plan.Array.Script);
    }

    [Fact]
    public void ASubmissionHasRuns() =>
        Assert.Throws<ArgumentException>(() => SlurmPlanner.Plan(Study(1, 0), new SlurmOptions()));

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, "0-3")]
    [InlineData(new[] { 9, 7, 8, 5, 0, 2, 3 }, "0,2-3,5,7-9")]
    [InlineData(new[] { 4, 4 }, "4")]
    public void ArrayRangesAreCompact(int[] indices, string range) => Assert.Equal(range, SlurmScripts.ArrayRange(indices));
}
