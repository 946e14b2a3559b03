# Sensor library package.
