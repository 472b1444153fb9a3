"""A shorter run of bench/burst.py: a burst of signed mentions with redeliveries and a
worker killed with SIGKILL mid-burst; every event is answered exactly once, in its thread."""

from __future__ import annotations

from bench.burst import Burst, run_burst


def test_burst_with_a_killed_worker_loses_and_doubles_nothing():
    burst = Burst(events=160, threads=12, schedule=(0.0, 2.0, 4.0), lease=2.0, settle=25.0)
    result = run_burst(burst, log=lambda line: None)
    assert result["worker_killed"], "the test must really kill a worker"
    assert result["deliveries"] > result["events"]  # redeliveries were made
    summary = {k: v for k, v in result.items() if k != "logs"}
    assert result["lost"] == 0, summary
    assert result["doubled"] == 0, summary
    assert result["outside_thread"] == 0, summary
    assert result["answered"] == result["events"]
    # The killed worker's events wait out its last lease (2 s here, renewed every third of
    # it while it lived), then the next sweep (every third of a lease) takes them over.
    assert result["taken_over"] > 0, summary
    assert result["last_takeover_after_kill"] < 2.0 * 4 / 3 + 4.0, summary
    assert "Traceback" not in result["logs"]
