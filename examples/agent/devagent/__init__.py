# The device agent: an MQTT link thread, a scheduler thread and a pool of worker threads.
