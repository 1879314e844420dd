#!/usr/bin/env python3
"""Writes the project's own iallocator requests (protocol version 2) into this directory.

Names, sizes and UUIDs are made up for this project. Run it again to regenerate the same files.
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SPEC_MIN = {"memory-size": 128, "cpu-count": 1, "disk-size": 512, "disk-count": 1, "nic-count": 1, "spindle-use": 1}
SPEC_MAX = {"memory-size": 65536, "cpu-count": 16, "disk-size": 2097152, "disk-count": 8, "nic-count": 4, "spindle-use": 8}
IPOLICY = {"std": dict(SPEC_MIN, **{"memory-size": 512}), "minmax": [{"min": SPEC_MIN, "max": SPEC_MAX}],
           "vcpu-ratio": 3.0, "spindle-ratio": 16.0,
           "disk-templates": ["drbd", "plain", "diskless", "file", "sharedfile", "blockdev", "rbd", "ext"]}


def node(group, mem_total, mem_free, disk_total, disk_free, cpus=8, offline=False, drained=False, tags=()):
    return {"total_memory": mem_total, "free_memory": mem_free, "reserved_memory": 1024,
            "total_disk": disk_total, "free_disk": disk_free, "total_cpus": cpus, "reserved_cpus": 1,
            "total_spindles": 6, "free_spindles": 6, "group": group, "tags": list(tags),
            "offline": offline, "drained": drained, "master_candidate": True, "master_capable": True,
            "vm_capable": True, "primary_ip": "10.9.0.1", "secondary_ip": "10.9.1.1",
            "i_pri_memory": 0, "i_pri_up_memory": 0,
            "ndparams": {"spindle_count": 1, "exclusive_storage": False, "oob_program": None}}


def instance(nodes, memory, disk, template="drbd", vcpus=1, state="up", tags=()):
    return {"nodes": nodes, "memory": memory, "vcpus": vcpus, "disk_template": template,
            "disks": [{"size": disk, "mode": "rw", "spindles": 1}], "disk_space_total": disk * (2 if template == "drbd" else 1),
            "admin_state": state, "admin_state_source": "admin", "hypervisor": "kvm", "os": "debian-stable",
            "spindle_use": 1, "tags": list(tags),
            "nics": [{"mac": "52:54:00:00:00:01", "ip": None, "mode": "bridged", "link": "br0", "bridge": "br0"}]}


def cluster():
    groups = {
        "grp-uuid-east": {"name": "east", "alloc_policy": "preferred", "tags": [], "networks": [], "ipolicy": IPOLICY},
        "grp-uuid-west": {"name": "west", "alloc_policy": "preferred", "tags": [], "networks": [], "ipolicy": IPOLICY},
    }
    nodes = {
        "hv-east-1": node("grp-uuid-east", 65536, 40000, 1048576, 700000),
        "hv-east-2": node("grp-uuid-east", 65536, 52000, 1048576, 820000),
        "hv-east-3": node("grp-uuid-east", 65536, 61000, 1048576, 990000),
        "hv-east-4": node("grp-uuid-east", 32768, 30000, 524288, 500000, cpus=4),
        "hv-west-1": node("grp-uuid-west", 65536, 60000, 1048576, 1000000),
        "hv-west-2": node("grp-uuid-west", 65536, 64000, 1048576, 1040000),
    }
    instances = {
        "web-a": instance(["hv-east-1", "hv-east-2"], 8192, 65536, tags=["role:web"]),
        "web-b": instance(["hv-east-1", "hv-east-3"], 8192, 65536, tags=["role:web"]),
        "db-a": instance(["hv-east-2", "hv-east-1"], 4096, 131072, tags=["role:db"]),
        "cache-a": instance(["hv-east-1"], 2048, 20480, template="plain"),
        "mail-a": instance(["hv-east-3", "hv-east-2"], 1024, 30720, state="down"),
        "log-w": instance(["hv-west-1", "hv-west-2"], 4096, 40960),
    }
    return {"version": 2, "cluster_name": "lab.example.net", "cluster_tags": ["htools:iextags:role"],
            "enabled_hypervisors": ["kvm"], "ipolicy": IPOLICY, "nodegroups": groups,
            "nodes": nodes, "instances": instances}


def new_instance(name, memory, disk, template="drbd", vcpus=1, nodes=2, tags=()):
    return {"name": name, "memory": memory, "vcpus": vcpus, "disk_template": template,
            "disks": [{"size": disk, "mode": "rw", "spindles": 1}], "disk_space_total": disk,
            "required_nodes": nodes, "spindle_use": 1, "tags": list(tags), "os": "debian-stable",
            "hypervisor": "kvm", "nics": [{"mac": "52:54:00:00:01:01", "ip": None, "bridge": None}]}


def write(name, request, base=None):
    data = copy.deepcopy(base or cluster())
    data["request"] = request
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


write("alloc-drbd.json", dict(new_instance("app-new", 4096, 51200), type="allocate"))
write("alloc-plain.json", dict(new_instance("tmp-new", 2048, 10240, template="plain", nodes=1), type="allocate"))
write("alloc-group.json", dict(new_instance("app-west", 4096, 51200), type="allocate", group_name="west"))
write("alloc-too-big.json", dict(new_instance("huge", 262144, 51200), type="allocate"))
write("alloc-tags.json", dict(new_instance("web-c", 2048, 20480, tags=["role:web"]), type="allocate"))
write("multi-alloc.json", {"type": "multi-allocate", "instances": [
    dict(new_instance("batch-1", 2048, 20480)), dict(new_instance("batch-2", 2048, 20480)),
    dict(new_instance("batch-3", 65536, 20480))]})
write("relocate.json", {"type": "relocate", "name": "web-b", "relocate_from": ["hv-east-3"], "required_nodes": 1})
for mode in ("primary-only", "secondary-only", "all"):
    write("evacuate-%s.json" % mode, {"type": "node-evacuate", "instances": ["web-a", "web-b", "db-a"],
                                       "evac_mode": mode})
write("change-group.json", {"type": "change-group", "instances": ["mail-a"], "target_groups": ["grp-uuid-west"]})
write("alloc-secondary.json", {"type": "allocate-secondary", "name": "cache-a"})
write("bad-type.json", {"type": "defragment"})
with open(os.path.join(HERE, "truncated.json"), "w") as f:
    f.write(json.dumps(dict(cluster(), request={"type": "allocate"}))[:300])
