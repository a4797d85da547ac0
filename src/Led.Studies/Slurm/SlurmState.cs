namespace Led.Studies.Slurm;

/// <summary>A job's or array task's state as Slurm reports it (<c>squeue %T</c>, <c>scontrol JobState=</c>).</summary>
public enum SlurmState
{
    /// <summary>A state this version does not know.</summary>
    Unknown,
    Pending,
    Configuring,
    Running,
    Completing,
    Suspended,
    Requeued,
    RequeueHold,
    RequeueFed,
    Resizing,
    Signaling,
    StageOut,
    Stopped,
    ResvDelHold,
    Completed,
    Failed,
    Cancelled,
    Timeout,
    NodeFail,
    OutOfMemory,
    Preempted,
    BootFail,
    Deadline,
    Revoked,
    SpecialExit,
}
