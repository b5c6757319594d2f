def test_version(run):
    r = run("--version")
    assert r.code == 0
    assert r.out.startswith("tnl ")
