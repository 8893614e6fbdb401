"""Press monitor: articles in three languages, their facts, linked and checked against tandem."""
